const MAX_SHOWN = 80;

/**
 * How a value found in the file is named in an error message: a string is shown quoted (cut
 * at 80 characters), other values by their shape. A secret is never shown, only its shape.
 */
export function describeValue(value: unknown, options: { secret?: boolean } = {}): string {
  if (value === undefined || value === null || value === "") return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (options.secret) return "a hidden value";
  const text = String(value);
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}
