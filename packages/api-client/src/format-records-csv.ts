import type { RecordKind } from "./list-url.js";
import { cellText, recordColumns } from "./record-columns.js";
import type { MailboxEventRecord, ReportRecord } from "./records.js";

const NEEDS_QUOTES = /[ ,"\r\n]/;

/**
 * One CSV field as the original wrote it (Text::CSV defaults): quoted only when it holds a
 * space, comma or quote — and here also a CR or LF — with inner quotes doubled. Never throws.
 */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatCsv(
  kind: RecordKind,
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
): string {
  const columns = recordColumns(kind);
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const record of records) {
    lines.push(columns.map((c) => csvField(cellText(c.value(record)))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The CSV of `spoor report list`: header `id,"event time",host,"event type","mailbox address"`,
 * one row per record (non-ASCII and control characters kept, unlike the original), `\n` line
 * endings, `event_time` as `YYYY-MM-DD HH:MM:SS +0000`. Never throws.
 */
export function formatReportsCsv(records: readonly ReportRecord[]): string {
  return formatCsv("report", records);
}

/**
 * The CSV of `spoor mailbox-event list`: the report columns plus `ip` (from
 * `ip_actor.ip_address`). Never throws.
 */
export function formatMailboxEventsCsv(records: readonly MailboxEventRecord[]): string {
  return formatCsv("mailbox_event", records);
}
