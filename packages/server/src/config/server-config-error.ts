/**
 * The server's configuration (file or flags) is unusable: `key` names the offending key when
 * there is one (`rules.ip-spray.min_mailboxes`), `fix` says what to do when it is obvious.
 */
export class ServerConfigError extends Error {
  override readonly name = "ServerConfigError";
  readonly key: string | undefined;
  readonly fix: string | undefined;

  constructor(message: string, options: { key?: string; fix?: string } = {}) {
    super(message);
    this.key = options.key;
    this.fix = options.fix;
  }
}
