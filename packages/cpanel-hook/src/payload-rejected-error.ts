/** Why a payload was refused. */
export type PayloadRejection =
  | "empty"
  | "too-large"
  | "unreadable"
  | "not-utf8"
  | "bad-json"
  | "bad-shape"
  | "bad-field"
  | "unsupported-event";

/**
 * A hook payload that cannot be turned into an entry: nothing is recorded for it. The message
 * names the reason and at most the field path, never payload content (the payload is
 * attacker-influenced and may hold secrets).
 */
export class PayloadRejectedError extends Error {
  readonly reason: PayloadRejection;
  /** Dotted path of the offending field, e.g. `data.result[0].forward`. */
  readonly field: string | undefined;

  constructor(reason: PayloadRejection, field?: string) {
    super(
      field === undefined
        ? `payload rejected: ${reason}`
        : `payload rejected: ${reason} (${field})`,
    );
    this.name = "PayloadRejectedError";
    this.reason = reason;
    this.field = field;
  }
}
