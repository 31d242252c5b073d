import { UserFacingError } from "@spoor/errors";

/** `spoor follow TYPE` (or its daemon) for a log the configuration does not name. */
export class FollowerNotConfiguredError extends UserFacingError {
  /** The log type asked for. */
  readonly type: string;

  constructor(type: string, configPath: string) {
    super(
      `No follower is configured for the ${type} log in ${configPath}.`,
      `add "followers: { ${type}: { name: /usr/local/cpanel/logs/${type}_log } }" to ${configPath}`,
    );
    this.name = "FollowerNotConfiguredError";
    this.type = type;
  }
}
