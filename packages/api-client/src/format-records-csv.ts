import { formatCsv } from "./format-csv.js";
import { recordColumns } from "./record-columns.js";
import type { MailboxEventRecord, ReportRecord } from "./records.js";

/**
 * The CSV of `spoor report list`: the original's header
 * `id,"event time",host,"event type","mailbox address"` and then `"forward recipient"`, one
 * row per record (non-ASCII and control characters kept, unlike the original), `\n` line
 * endings, `event_time` as `YYYY-MM-DD HH:MM:SS +0000`. Never throws.
 */
export function formatReportsCsv(records: readonly ReportRecord[]): string {
  return formatCsv(recordColumns("report"), records);
}

/**
 * The CSV of `spoor mailbox-event list`: the original's columns (the report's five plus `ip`,
 * from `ip_actor.ip_address`), then `"forward recipient"` and `class`. Never throws.
 */
export function formatMailboxEventsCsv(records: readonly MailboxEventRecord[]): string {
  return formatCsv(recordColumns("mailbox_event"), records);
}
