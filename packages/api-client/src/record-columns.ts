import { formatEventTime } from "./format-event-time.js";
import type { RecordKind } from "./list-url.js";

/** One column of the record listings: its header and how a record fills it. */
export interface RecordColumn {
  header: string;
  value(record: Readonly<Record<string, unknown>>): unknown;
}

const REPORT_COLUMNS: readonly RecordColumn[] = [
  { header: "id", value: (r) => r.id },
  { header: "event time", value: (r) => formatEventTime(r.event_time) },
  { header: "host", value: (r) => r.host },
  { header: "event type", value: (r) => r.type },
  { header: "mailbox address", value: (r) => r.mailbox_address },
];

const MAILBOX_EVENT_COLUMNS: readonly RecordColumn[] = [
  ...REPORT_COLUMNS,
  {
    header: "ip",
    value: (r) => {
      const actor = r.ip_actor;
      return typeof actor === "object" && actor !== null
        ? (actor as Record<string, unknown>).ip_address
        : undefined;
    },
  },
];

/** The columns of `spoor report list` / `spoor mailbox-event list` (original.md §3.9). Never throws. */
export function recordColumns(kind: RecordKind): readonly RecordColumn[] {
  return kind === "report" ? REPORT_COLUMNS : MAILBOX_EVENT_COLUMNS;
}

/** A field value as text: missing → empty, objects as JSON. Never throws. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "";
    }
  }
  return String(value);
}
