import { createHash } from "node:crypto";
import { SPOOL_TYPES } from "./spool-defaults.js";

const ENTRY_NAME = new RegExp(`^(${SPOOL_TYPES.join("|")})\\.(\\d+)\\.(\\d+)\\.json$`);
const LOWEST_SUFFIX = 1_000_000;
const SUFFIXES = 1_000_000;
const LATEST_SANE_UNIX = 10_000_000_000;

/** Temp files start with this (a dot: they never match the entry pattern). */
export const TEMP_PREFIX = ".tmp-";

/**
 * Splits `<type>.<unix>.<digits>.json` (the original's pattern, anchored at both ends, plus
 * the session and hook types); undefined for any other name. Never throws.
 */
export function parseSpoolFileName(
  name: string,
): { type: string; unixSeconds: number; suffix: string } | undefined {
  const match = ENTRY_NAME.exec(name);
  if (match === null) return undefined;
  return { type: match[1]!, unixSeconds: Number(match[2]), suffix: match[3]! };
}

/** `<type>.<unix>.<suffix>.json`. */
export function formatSpoolFileName(type: string, unixSeconds: number, suffix: number): string {
  return `${type}.${unixSeconds}.${suffix}.json`;
}

/** The entry's `log_time` when it is a sane integer, else the clock's second. */
export function unixSecondsFor(entry: { [field: string]: unknown }, nowMs: number): number {
  const time = entry.log_time;
  if (typeof time === "number" && Number.isSafeInteger(time) && time > 0) {
    if (time < LATEST_SANE_UNIX) return time;
  }
  return Math.floor(nowMs / 1000);
}

/** The 7-digit suffix (1000000–1999999) an id maps to: from its hex prefix, else its hash. */
export function suffixForId(id: string): number {
  const hex = /^[0-9a-f]{12}/i.test(id)
    ? id.slice(0, 12)
    : createHash("sha256").update(id).digest("hex").slice(0, 12);
  return LOWEST_SUFFIX + (Number.parseInt(hex, 16) % SUFFIXES);
}

/** The suffix after `suffix`, wrapping within 1000000–1999999. */
export function nextSuffix(suffix: number): number {
  return LOWEST_SUFFIX + ((suffix - LOWEST_SUFFIX + 1) % SUFFIXES);
}

/** Orders files chronologically: unix seconds, then name. */
export function compareSpooledFiles(
  a: { unixSeconds: number; name: string },
  b: { unixSeconds: number; name: string },
): number {
  if (a.unixSeconds !== b.unixSeconds) return a.unixSeconds - b.unixSeconds;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
