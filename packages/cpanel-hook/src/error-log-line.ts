import type { JsonRecord } from "./json-fields.js";

/**
 * One line in the format cPanel's logger writes to error_log and the error parser reads:
 * `[YYYY-MM-DD HH:MM:SS +0000] info [<tag>] <json>` (UTC, so the offset is always +0000),
 * without a newline. Every non-ASCII character in the JSON is written as a `\uXXXX` escape
 * (same JSON value), so the line is plain ASCII whatever happens to it on the way.
 * Never throws for the flat records the normalisers build.
 */
export function formatErrorLogLine(tag: string, fields: JsonRecord, nowMs: number): string {
  const json = JSON.stringify(fields).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `[${formatTimestamp(nowMs)}] info [${tag}] ${json}`;
}

function formatTimestamp(nowMs: number): string {
  // toISOString: 2019-02-10T10:24:17.000Z
  const iso = new Date(nowMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
}
