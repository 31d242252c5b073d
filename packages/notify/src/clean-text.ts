// C0/C1 controls (CR, LF, ESC…), line/paragraph separators, bidirectional overrides.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * An attacker-controlled string made safe for one line of text: every control, line-breaking
 * or direction-changing character becomes U+FFFD, and the result is cut to `max` characters
 * (with `…`). Never throws; a non-string becomes its JSON.
 */
export function cleanText(value: unknown, max = 300): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  const clean = text.replace(UNSAFE, "\uFFFD");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
