/** Keys whose values are never written to a log, at any depth (case-insensitive). */
const SECRET_KEY =
  /secret|passw|authori[sz]ation|^credentials$|token|cookie|^api_identifier$|^password$/i;
/** A Basic/Bearer credential inside a free-text value. */
const AUTH_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g;
const MAX_STRING = 500;
const MAX_DEPTH = 4;
const MAX_KEYS = 50;

/**
 * Returns a copy of `value` that is safe to log: values under secret-looking keys
 * (`api_secret`, `authorization`, `credentials`, `password`, `token`, …) become
 * `"[redacted]"`, `Basic …`/`Bearer …` inside strings become `Basic ****`, long strings are
 * cut at 500 characters, errors keep only `name`, `message` and `code`, and nesting is
 * bounded. Never throws.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (depth >= MAX_DEPTH) return "[nested]";
  if (value instanceof Error) return redactError(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return value.slice(0, MAX_KEYS).map((item) => redact(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_KEYS)) {
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

function redactString(value: string): string {
  const masked = value.replace(AUTH_VALUE, "$1 ****");
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…` : masked;
}

function redactError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactString(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  return out;
}
