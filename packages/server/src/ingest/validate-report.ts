import { HttpProblem } from "../http/http-problem.js";

/** One accepted report entry, with the columns the lists show. */
export interface ReportEntry {
  type: string;
  /** Unix seconds, or null when the entry has none. */
  time: number | null;
  /** The entry's `host`, else the report's reporter. */
  host: string;
  mailboxAddress: string | null;
  ip: string | null;
  forwardRecipient: string | null;
  /** The entry as received. */
  entry: Record<string, unknown>;
}

/** A report POST body that passed validation. */
export interface ValidReport {
  reporter: string;
  entries: ReportEntry[];
}

const STRING_FIELDS = ["host", "mailbox_address", "ip", "context", "forward_recipient"] as const;
const MAX_ENTRIES = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function bad(message: string): HttpProblem {
  return new HttpProblem(400, message);
}

function checkEntry(value: unknown, index: number, reporter: string): ReportEntry {
  const where = `report.entries[${index}]`;
  if (!isObject(value)) throw bad(`${where} must be an object`);
  if (typeof value.type !== "string" || value.type === "") {
    throw bad(`${where}.type must be a non-empty string`);
  }
  for (const field of STRING_FIELDS) {
    const v = value[field];
    if (v !== undefined && v !== null && typeof v !== "string") {
      throw bad(`${where}.${field} must be a string`);
    }
  }
  const time = value.time;
  if (time !== undefined && time !== null && (typeof time !== "number" || !Number.isFinite(time))) {
    throw bad(`${where}.time must be a number (Unix seconds)`);
  }
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    type: value.type,
    time: typeof time === "number" ? Math.floor(time) : null,
    host: text(value.host) || reporter,
    mailboxAddress: text(value.mailbox_address),
    ip: text(value.ip),
    forwardRecipient: text(value.forward_recipient),
    entry: value,
  };
}

/**
 * Checks a report POST body: `{"report":{"entries":[…],"metadata":{"reporter":"…"}}}` with
 * 1–1000 entries, each an object with a string `type`; `time` a number when present; `host`,
 * `mailbox_address`, `ip`, `context` and `forward_recipient` strings when present.
 *
 * @throws HttpProblem 400 naming the first problem.
 */
export function validateReport(document: unknown): ValidReport {
  if (!isObject(document) || !isObject(document.report)) {
    throw bad('the body must be {"report":{"entries":[…],"metadata":{"reporter":"…"}}}');
  }
  const { entries, metadata } = document.report;
  if (!isObject(metadata) || typeof metadata.reporter !== "string" || metadata.reporter === "") {
    throw bad("report.metadata.reporter must be a non-empty string");
  }
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
    throw bad(`report.entries must be an array of 1 to ${MAX_ENTRIES} entries`);
  }
  const reporter = metadata.reporter;
  return { reporter, entries: entries.map((entry, index) => checkEntry(entry, index, reporter)) };
}
