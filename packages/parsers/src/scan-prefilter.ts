import type { LogType } from "./entry.js";

/**
 * What every interesting line of a log must contain, checked on raw bytes before any decode
 * or regex. Sound for any InterestOptions: each parser can only produce an entry that
 * `isInteresting` accepts (status success, event not unrecognised) on a line with a needle.
 */
export interface ScanPrefilter {
  /** Byte values (searched with memchr) or byte strings; a candidate line holds one. */
  needles: ReadonlyArray<number | Buffer>;
  /** A second cheap check of a candidate line `bytes[start, end)`. */
  lineCheck?: (bytes: Buffer, start: number, end: number) => boolean;
}

/** True when the line names a forwarder page or UAPI forwarder function. */
function mentionsForwarder(bytes: Buffer, start: number, end: number): boolean {
  const text = bytes.toString("latin1", start, end);
  return text.includes("fwd") || text.includes("_forwarder");
}

/**
 * The prefilter of each log:
 * - access: every event needs `@` in the credential, logged raw or as `%40`, so the line holds
 *   `@` or `%`; and it names `doaddfwd`/`dodelfwd` (both hold `fwd`) or
 *   `Email/add_forwarder`/`Email/delete_forwarder` (both hold `_forwarder`).
 * - login: a `success` status comes only from the word `SUCCESS`.
 * - error: every event comes from a `[spoor_…]` line.
 * - session: the only event needs `method=handle_form_login`.
 */
export const SCAN_PREFILTERS: Readonly<Record<LogType, ScanPrefilter>> = {
  access: { needles: [0x40, 0x25], lineCheck: mentionsForwarder },
  login: { needles: [Buffer.from("SUCCESS")] },
  error: { needles: [Buffer.from("[spoor_")] },
  session: { needles: [Buffer.from("handle_form_login")] },
};
