import { displayWidth } from "./display-width.js";
import { cellText, type TextColumn } from "./text-columns.js";

// Control, line-separator and bidi-override characters could break the layout or play tricks
// on a terminal: they are shown as escapes.
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A value as text that is safe to print on a terminal: control, line-separator and bidi
 * characters escaped (`\n`, `\u{1b}`), so text from the network cannot redraw the screen.
 * Never throws.
 */
export function terminalText(value: unknown): string {
  return cellText(value).replace(UNSAFE, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}

/**
 * An aligned plain-text table: a dashed rule under the header, two spaces between columns,
 * widths measured in terminal columns (non-ASCII safe), control characters escaped, no
 * trailing spaces, `\n` line endings. Never throws.
 */
export function formatTable<Row>(
  columns: ReadonlyArray<TextColumn<Row>>,
  rows: readonly Row[],
): string {
  const cells = rows.map((row) => columns.map((c) => terminalText(c.value(row))));
  const header = columns.map((c) => c.header);
  const widths = header.map((text, i) =>
    Math.max(displayWidth(text), ...cells.map((line) => displayWidth(line[i] ?? ""))),
  );
  const rule = widths.map((width) => "-".repeat(width));
  const line = (texts: readonly string[]) =>
    texts
      .map((cell, i) => cell + " ".repeat(widths[i]! - displayWidth(cell)))
      .join("  ")
      .trimEnd();
  return `${[header, rule, ...cells].map(line).join("\n")}\n`;
}
