import { displayWidth } from "./display-width.js";
import type { RecordKind } from "./list-url.js";
import { cellText, recordColumns } from "./record-columns.js";
import type { MailboxEventRecord, ReportRecord } from "./records.js";

// Control, line-separator and bidi-override characters could break the layout or play tricks
// on a terminal: they are shown as escapes.
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function safeCell(value: unknown): string {
  return cellText(value).replace(UNSAFE, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}

/**
 * An aligned plain-text table of records (`--output table`): the CSV's columns, a dashed
 * rule under the header, two spaces between columns, widths measured in terminal columns
 * (non-ASCII safe), control characters escaped, no trailing spaces, `\n` line endings.
 * Never throws.
 */
export function formatRecordsTable(
  kind: RecordKind,
  records: ReadonlyArray<ReportRecord | MailboxEventRecord>,
): string {
  const columns = recordColumns(kind);
  const rows = records.map((record) => columns.map((c) => safeCell(c.value(record))));
  const header = columns.map((c) => c.header);
  const widths = header.map((text, i) =>
    Math.max(displayWidth(text), ...rows.map((row) => displayWidth(row[i] ?? ""))),
  );
  const rule = widths.map((width) => "-".repeat(width));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + " ".repeat(widths[i]! - displayWidth(cell)))
      .join("  ")
      .trimEnd();
  return `${[header, rule, ...rows].map(line).join("\n")}\n`;
}
