/** A decoded JSON object. */
export type JsonRecord = Record<string, unknown>;

/** True for a JSON object (not an array, not null). Never throws. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record's own property `key` (inherited names are never looked through). Never throws. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * `record[key]` when it is an object, `{}` when it is absent or null (as Perl's
 * autovivification read it), undefined for any other type. Never throws.
 */
export function recordOrEmpty(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = own(record, key);
  if (value === undefined || value === null) return {};
  return isRecord(value) ? value : undefined;
}

/** `record[key]` as text: a string, or a finite number's decimal text; else null. Never throws. */
export function text(record: JsonRecord, key: string): string | null {
  const value = own(record, key);
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** As {@link text}, with the empty string read as null. Never throws. */
export function nonEmptyText(record: JsonRecord, key: string): string | null {
  const value = text(record, key);
  return value === "" ? null : value;
}

/**
 * The mailbox an Email call names: `args.email` when it holds `@`, else `email@domain` when
 * both are given, else `args.email` alone; null when there is no email. Never throws.
 */
export function mailboxAddress(args: JsonRecord): string | null {
  const email = nonEmptyText(args, "email");
  if (email === null || email.includes("@")) return email;
  const domain = nonEmptyText(args, "domain");
  return domain === null ? email : `${email}@${domain}`;
}
