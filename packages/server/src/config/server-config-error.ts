import { UserFacingError } from "@spoor/errors";

/**
 * The server's configuration (file or flags) is unusable: `key` names the offending key when
 * there is one (`rules.ip-spray.min_mailboxes`), `fix` says what to do when it is obvious.
 */
export class ServerConfigError extends UserFacingError {
  override readonly name = "ServerConfigError";
  readonly key: string | undefined;

  constructor(problem: string, options: { key?: string; fix?: string } = {}) {
    super(problem, options.fix);
    this.key = options.key;
  }
}
