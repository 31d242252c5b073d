import { UserFacingError } from "@spoor/errors";

/**
 * The `spoor server …` commands ran where `@spoor/server` cannot be loaded: the agent package
 * (`/opt/spoor`) without the `spoor-server` package, which carries the server and its native
 * SQLite driver. Its problem is one line and it has no separate fix.
 */
export class ServerNotInstalledError extends UserFacingError {
  constructor(options?: ErrorOptions) {
    super(
      "the spoor server is not installed here: install the spoor-server package (it puts the server and its SQLite driver in /opt/spoor-server), then run this again.",
      undefined,
      options,
    );
    this.name = "ServerNotInstalledError";
  }
}
