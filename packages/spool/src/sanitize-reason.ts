const MAX_REASON_CHARS = 500;

/**
 * A reason as stored beside a file: one line, runs of whitespace and control characters
 * collapsed to one space, at most 500 characters.
 */
export function sanitizeReason(reason: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const line = reason.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 1)}…` : line;
}
