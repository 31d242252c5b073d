import { formatEventTime } from "./format-event-time.js";
import type { RecordKind } from "./list-url.js";
import type { TextColumn } from "./text-columns.js";

/** One column of the record listings. */
export type RecordColumn = TextColumn<Readonly<Record<string, unknown>>>;

const REPORT_COLUMNS: readonly RecordColumn[] = [
  { header: "id", value: (r) => r.id },
  { header: "event time", value: (r) => formatEventTime(r.event_time) },
  { header: "host", value: (r) => r.host },
  { header: "event type", value: (r) => r.type },
  { header: "mailbox address", value: (r) => r.mailbox_address },
];

const FORWARD_RECIPIENT: RecordColumn = {
  header: "forward recipient",
  value: (r) => r.forward_recipient,
};

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
  FORWARD_RECIPIENT,
  { header: "class", value: (r) => r.class },
];

/**
 * The columns of `spoor report list` / `spoor mailbox-event list`: the original's
 * (original.md §3.9) first, then the new ones — `forward recipient` for reports,
 * `forward recipient` and `class` for mailbox events. Never throws.
 */
export function recordColumns(kind: RecordKind): readonly RecordColumn[] {
  return kind === "report" ? [...REPORT_COLUMNS, FORWARD_RECIPIENT] : MAILBOX_EVENT_COLUMNS;
}
