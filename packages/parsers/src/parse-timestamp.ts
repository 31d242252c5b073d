import { unixSeconds } from "./civil-time.js";

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at) - 48;
  const low = text.charCodeAt(at + 1) - 48;
  if (high < 0 || high > 9 || low < 0 || low > 9) return -1;
  return high * 10 + low;
}

/** `±HHMM` at `at` as minutes east of UTC, or undefined. */
function offsetMinutes(text: string, at: number): number | undefined {
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) return undefined; // + -
  const hours = twoDigits(text, at + 1);
  const minutes = twoDigits(text, at + 3);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return sign === 45 ? -total : total;
}

/** The separators a fixed-layout timestamp must have, as [position, char code] pairs. */
type Layout = ReadonlyArray<readonly [number, number]>;

function hasLayout(text: string, length: number, layout: Layout): boolean {
  if (text.length !== length) return false;
  for (const [at, code] of layout) if (text.charCodeAt(at) !== code) return false;
  return true;
}

// MM/DD/YYYY:HH:MM:SS ±HHMM
const CPSRVD: Layout = [
  [2, 47],
  [5, 47],
  [10, 58],
  [13, 58],
  [16, 58],
  [19, 32],
];

// YYYY-MM-DD HH:MM:SS ±HHMM
const LOGGER: Layout = [
  [4, 45],
  [7, 45],
  [10, 32],
  [13, 58],
  [16, 58],
  [19, 32],
];

/** The four digits at `at` as a number (a year), or -1 when they are not all digits. */
function fourDigits(text: string, at: number): number {
  const high = twoDigits(text, at);
  const low = twoDigits(text, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

function fields(
  text: string,
  year: number,
  month: number,
  day: number,
  timeAt: number,
): number | undefined {
  const hour = twoDigits(text, timeAt);
  const minute = twoDigits(text, timeAt + 3);
  const second = twoDigits(text, timeAt + 6);
  const offset = offsetMinutes(text, 20);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (offset === undefined) return undefined;
  return unixSeconds(year, month, day, hour, minute, second, offset);
}

/**
 * Unix seconds of a cpsrvd access_log timestamp `MM/DD/YYYY:HH:MM:SS ±HHMM` (the text
 * between the brackets), or undefined when it has another layout or names an impossible
 * date or time. Never throws.
 */
export function parseCpsrvdTimestamp(text: string): number | undefined {
  if (!hasLayout(text, 25, CPSRVD)) return undefined;
  return fields(text, fourDigits(text, 6), twoDigits(text, 0), twoDigits(text, 3), 11);
}

/**
 * Unix seconds of a Cpanel::Logger timestamp `YYYY-MM-DD HH:MM:SS ±HHMM` (login_log,
 * error_log, session_log), or undefined when it has another layout or names an impossible
 * date or time. Never throws.
 */
export function parseLoggerTimestamp(text: string): number | undefined {
  if (!hasLayout(text, 25, LOGGER)) return undefined;
  return fields(text, fourDigits(text, 0), twoDigits(text, 5), twoDigits(text, 8), 11);
}
