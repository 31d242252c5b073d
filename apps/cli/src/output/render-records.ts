import {
  formatMailboxEventsCsv,
  formatRecordsTable,
  formatReportsCsv,
  type MailboxEventRecord,
  type RecordKind,
  type ReportRecord,
} from "@spoor/api-client";

/** The `--output` formats of the record lists. */
export type RecordOutput = "csv" | "table" | "json";

/**
 * The text printed by `spoor report list` / `spoor mailbox-event list`: the original's CSV
 * (default), an aligned table, or the records as received as a JSON array. Never throws.
 */
export function renderRecords(
  kind: RecordKind,
  records: ReadonlyArray<ReportRecord | MailboxEventRecord>,
  output: RecordOutput,
): string {
  if (output === "json") return `${JSON.stringify(records, null, 2)}\n`;
  if (output === "table") return formatRecordsTable(kind, records);
  return kind === "report" ? formatReportsCsv(records) : formatMailboxEventsCsv(records);
}
