const MAX_SECONDS = 8.64e12; // the range of a JavaScript Date

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * Prints a record's `event_time` (Unix seconds) in UTC as `YYYY-MM-DD HH:MM:SS +0000`, as
 * the original's CSV did. A missing or non-numeric time prints as the epoch,
 * `1970-01-01 00:00:00 +0000` (the original's output for an undefined time); numeric strings
 * count as numbers; fractions are dropped. Never throws.
 */
export function formatEventTime(value: unknown): string {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  const seconds =
    typeof number === "number" && Number.isFinite(number) && Math.abs(number) <= MAX_SECONDS
      ? Math.floor(number)
      : 0;
  const d = new Date(seconds * 1000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time} +0000`;
}
