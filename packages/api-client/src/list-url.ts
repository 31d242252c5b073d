/** The two lists the Spoor API offers. */
export type RecordKind = "report" | "mailbox_event";

const PATHS: Readonly<Record<RecordKind, { path: string; parameter: string }>> = {
  report: { path: "/api/reports", parameter: "reports%5Bhost%5D" },
  mailbox_event: { path: "/api/mailbox_events", parameter: "mailbox_events%5Bhost%5D" },
};

/**
 * Percent-encodes text the RFC 3986 way (original.md §6): every UTF-8 byte except
 * `A–Z a–z 0–9 - _ . ~` becomes `%XX` (upper-case hex); a space is `%20`. Never throws
 * (a lone surrogate is encoded as U+FFFD).
 */
export function encodeRfc3986(text: string): string {
  let encoded = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e;
    encoded += unreserved
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/**
 * The list URL of contract §6, e.g. `{base}/api/reports?reports%5Bhost%5D=host1` (the paths
 * are fixed, as in the original). Never throws.
 */
export function listUrl(baseUrl: string, kind: RecordKind, host: string): string {
  const { path, parameter } = PATHS[kind];
  return `${baseUrl}${path}?${parameter}=${encodeRfc3986(host)}`;
}
