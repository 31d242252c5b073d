/** A `notify:` setting that cannot be used; `key` names it (`notify[1].url`). */
export class NotifyConfigError extends Error {
  override readonly name = "NotifyConfigError";

  /**
   * @param key where the bad setting is, e.g. `notify[0].min_severity`
   * @param message what is wrong with it (never the value of a secret)
   */
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`);
  }
}
