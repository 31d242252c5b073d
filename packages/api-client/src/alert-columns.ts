import type { Alert } from "./alert.js";
import { formatEventTime } from "./format-event-time.js";
import type { TextColumn } from "./text-columns.js";

/** One column of the alert listings. */
export type AlertColumn = TextColumn<Alert>;

const joined = (list: readonly (string | number)[]) => list.join(" ");

const ID: AlertColumn = { header: "id", value: (a) => a.id };
const SEVERITY: AlertColumn = { header: "severity", value: (a) => a.severity };
const STATE: AlertColumn = { header: "state", value: (a) => a.state };
const RULE: AlertColumn = { header: "rule", value: (a) => a.rule };
const LAST: AlertColumn = {
  header: "last event time",
  value: (a) => formatEventTime(a.last_event_time),
};
const MAILBOXES: AlertColumn = {
  header: "mailbox addresses",
  value: (a) => joined(a.mailbox_addresses),
};
const SUMMARY: AlertColumn = { header: "summary", value: (a) => a.summary };

/** Every field of an alert, lists space-separated (`spoor alert list --output csv`). */
export const ALERT_CSV_COLUMNS: readonly AlertColumn[] = [
  ID,
  SEVERITY,
  STATE,
  RULE,
  { header: "first event time", value: (a) => formatEventTime(a.first_event_time) },
  LAST,
  { header: "hosts", value: (a) => joined(a.hosts) },
  MAILBOXES,
  { header: "ips", value: (a) => joined(a.ips) },
  { header: "forward recipients", value: (a) => joined(a.forward_recipients) },
  { header: "event ids", value: (a) => joined(a.event_ids) },
  SUMMARY,
];

/** What fits a terminal: who, what, when and the summary (`--output table`). */
export const ALERT_TABLE_COLUMNS: readonly AlertColumn[] = [
  ID,
  SEVERITY,
  STATE,
  RULE,
  LAST,
  MAILBOXES,
  SUMMARY,
];
