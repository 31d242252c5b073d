/**
 * A `rules:` section that cannot be used. `path` names the offending key
 * (`rules.ip-spray.min_mailbox`), so the message can be acted on.
 */
export class RuleConfigError extends Error {
  override readonly name = "RuleConfigError";
  /** The dotted path of the bad key, e.g. `rules.ip-spray.min_mailboxes`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
}
