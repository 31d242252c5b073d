import { formatTable } from "./format-table.js";
import type { RecordKind } from "./list-url.js";
import { recordColumns } from "./record-columns.js";
import type { MailboxEventRecord, ReportRecord } from "./records.js";

/**
 * An aligned plain-text table of records (`--output table`): the CSV's columns, laid out by
 * `formatTable` (terminal widths, control characters escaped). Never throws.
 */
export function formatRecordsTable(
  kind: RecordKind,
  records: ReadonlyArray<ReportRecord | MailboxEventRecord>,
): string {
  return formatTable(recordColumns(kind), records);
}
