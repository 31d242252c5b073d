import { PayloadRejectedError } from "./payload-rejected-error.js";

/** A decoded JSON object. */
export type JsonRecord = Record<string, unknown>;

/** Longest string the hook copies from a payload into an entry. */
export const MAX_TEXT_LENGTH = 4096;

// C0/C1 controls and DEL, the Unicode line/paragraph separators, bidirectional overrides and
// isolates, the BOM, and lone surrogates (with the u flag a paired surrogate is one code point
// and does not match): characters that would forge or disguise lines in a log or a report.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

/** True for a JSON object (not an array, not null). Never throws. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The record's own property `key`; inherited names (`toString`, `__proto__`…) are never
 * looked through. Never throws.
 */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * `record[key]` as safe text, or undefined when absent or null. A number is taken as its
 * decimal text (cPanel's JSON sometimes numbers what is text).
 * @throws PayloadRejectedError("bad-field", field) for any other type, text longer than
 * {@link MAX_TEXT_LENGTH}, a lone surrogate or a forbidden character.
 */
export function optionalText(record: JsonRecord, key: string, field: string): string | undefined {
  const value = own(record, key);
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || text.length > MAX_TEXT_LENGTH || FORBIDDEN.test(text)) {
    throw new PayloadRejectedError("bad-field", field);
  }
  return text;
}

/**
 * As {@link optionalText}, but absent, null or empty text is refused too.
 * @throws PayloadRejectedError("bad-field", field)
 */
export function requiredText(record: JsonRecord, key: string, field: string): string {
  const text = optionalText(record, key, field);
  if (text === undefined || text === "") throw new PayloadRejectedError("bad-field", field);
  return text;
}

/**
 * As {@link requiredText}, but only a JSON string is accepted (no number).
 * @throws PayloadRejectedError("bad-field", field)
 */
export function requiredString(record: JsonRecord, key: string, field: string): string {
  if (typeof own(record, key) !== "string") throw new PayloadRejectedError("bad-field", field);
  return requiredText(record, key, field);
}

/**
 * A new record holding, for each of `keys` present in `record`, its safe text
 * ({@link optionalText}); absent and null keys are left out. Never copies anything else.
 * @throws PayloadRejectedError("bad-field", `${path}.${key}`)
 */
export function pickText(record: JsonRecord, keys: readonly string[], path: string): JsonRecord {
  const picked: JsonRecord = {};
  for (const key of keys) {
    const value = optionalText(record, key, `${path}.${key}`);
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}
