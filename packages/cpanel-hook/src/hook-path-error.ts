import { UserFacingError } from "@spoor/errors";

/**
 * The path a registration would name cannot be used: cPanel splits the registered `hook`
 * string on whitespace (program, then arguments), so a path with whitespace, a control
 * character or a relative path would run something else. User-facing, without a fix:
 * `message` is `cannot register "<path>": <problem>`.
 */
export class HookPathError extends UserFacingError {
  /** The rejected path, JSON-quoted so control characters stay visible. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`cannot register ${JSON.stringify(path)}: ${problem}`);
    this.name = "HookPathError";
    this.path = JSON.stringify(path);
  }
}
