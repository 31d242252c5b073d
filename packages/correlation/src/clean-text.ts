// C0 and C1 controls, line and paragraph separators, and the bidi controls that can make
// text display in another order than it is stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Host-reported text made safe to place in a one-line summary: control, line-break and bidi
 * characters become `?`, and text longer than `max` characters is cut with `…`. Never throws.
 *
 * @example cleanText("a\nb\u202ec") === "a?b?c"
 */
export function cleanText(value: string | number | null | undefined, max = 120): string {
  if (value === null || value === undefined) return "?";
  const text = String(value).replace(UNSAFE, "?");
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** Up to `shown` cleaned items joined with ", ", then "and N more". Never throws. */
export function cleanList(values: readonly string[], shown = 3): string {
  const head = values.slice(0, shown).map((value) => cleanText(value, 80));
  const rest = values.length - head.length;
  return rest > 0 ? `${head.join(", ")} and ${rest} more` : head.join(", ");
}
