/**
 * The text of the line `bytes[start, end)`: UTF-8 (invalid bytes become U+FFFD), with one
 * trailing `\r` removed. `end` excludes the line's `\n`. Never throws for a range inside
 * `bytes` (an empty range gives "").
 */
export function decodeLine(bytes: Buffer, start: number, end: number): string {
  const last = end > start && bytes[end - 1] === 13 ? end - 1 : end;
  return last > start ? bytes.toString("utf8", start, last) : "";
}
