import { UserFacingError } from "@spoor/errors";

/** A configuration file that is missing, unreadable, not YAML, or holds a bad value. */
export class ConfigError extends UserFacingError {
  /** The file concerned. */
  readonly path: string;
  /** The dotted key with the bad value (e.g. `transmission.host`), when one is at fault. */
  readonly key?: string;

  constructor(options: { path: string; problem: string; key?: string; fix?: string }) {
    super(options.problem, options.fix);
    this.name = "ConfigError";
    this.path = options.path;
    if (options.key !== undefined) this.key = options.key;
  }
}
