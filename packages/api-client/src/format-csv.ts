import { cellText, type TextColumn } from "./text-columns.js";

const NEEDS_QUOTES = /[ ,"\r\n]/;
/** A first character a spreadsheet reads as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field as the original wrote it (Text::CSV defaults): quoted only when it holds a
 * space, comma or quote — and here also a CR or LF — with inner quotes doubled. Every field
 * came from a host, so one that a spreadsheet would run as a formula (it starts with `=`,
 * `+`, `-`, `@`, a tab or a CR) is written as text: a `'` in front, quoted. Never throws.
 */
export function csvField(text: string): string {
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, `\n` line endings, every row kept. Never throws. */
export function formatCsv<Row>(
  columns: ReadonlyArray<TextColumn<Row>>,
  rows: readonly Row[],
): string {
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((c) => csvField(cellText(c.value(row)))).join(","));
  }
  return `${lines.join("\n")}\n`;
}
