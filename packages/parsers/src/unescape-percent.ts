function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 70) return code - 55; // A-F
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/**
 * Replaces every `%XX` (two hex digits) by the byte it names and reads the result as UTF-8,
 * as the original's `uri_unescape` did with bytes: `%40` → `@`, `%C3%A9` → `é`, `%2b` → `+`.
 * `+` stays `+`, a malformed `%` sequence stays literal, bytes that are not valid UTF-8
 * become U+FFFD. Never throws.
 */
export function unescapePercent(text: string): string {
  const first = text.indexOf("%");
  if (first === -1) return text;
  const source = Buffer.from(text, "utf8");
  const out = Buffer.allocUnsafe(source.length);
  let length = 0;
  for (let index = 0; index < source.length; index += 1) {
    const byte = source[index]!;
    if (byte === 37 && index + 2 < source.length) {
      const high = hexValue(source[index + 1]!);
      const low = hexValue(source[index + 2]!);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        index += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.toString("utf8", 0, length);
}
