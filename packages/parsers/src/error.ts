import type { ForwardAddedRecipientEntry, HookEntry, UnrecognisedEntry } from "./entry.js";
import { forwardAddedEntry } from "./forward-added.js";
import { isRecord, own, recordOrEmpty } from "./hook-data.js";
import { hookFields, isNewHookEvent } from "./hook-events.js";
import { parseLoggerTimestamp } from "./parse-timestamp.js";
import { parseOrUnrecognised, unrecognised } from "./unrecognised.js";

export type { ForwardAddedRecipientEntry, HookEntry, UnrecognisedEntry } from "./entry.js";
export { HOOK_EVENTS } from "./event-catalogue.js";

/** What {@link parseErrorLine} returns. */
export type ErrorEntry = ForwardAddedRecipientEntry | HookEntry | UnrecognisedEntry<"error">;

// Anchored at both ends, as the original: `[TS] info [spoor_TAG] {…}`. Only a line that
// starts this way is a hook line: text logged inside another service's line never is.
const HOOK_LINE =
  /^\[([^\]]{1,64})\][\t\n\v\f\r ]info[\t\n\v\f\r ]\[spoor_([a-z_]{1,64})\][\t\n\v\f\r ](\{[^\n]+\})$/;

function decode(json: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(json);
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function parse(line: string): ErrorEntry {
  const hook = HOOK_LINE.exec(line);
  if (hook === null) return unrecognised("error");
  const tag = hook[2]!;
  const event =
    tag === "forward_added" || tag === "forward_added_partial_recipient"
      ? "forward_added_partial_recipient"
      : isNewHookEvent(tag)
        ? tag
        : undefined;
  if (event === undefined) return unrecognised("error");
  const logTime = parseLoggerTimestamp(hook[1]!);
  const data = decode(hook[3]!);
  if (logTime === undefined || data === undefined) return unrecognised("error");
  if (event === "forward_added_partial_recipient") {
    return forwardAddedEntry(data, logTime) ?? unrecognised("error");
  }
  const args = recordOrEmpty(data, "args");
  if (args === undefined) return unrecognised("error");
  const user = own(data, "user");
  return {
    type: "error",
    event,
    log_time: logTime,
    status: "success",
    ...hookFields(event, args, typeof user === "string" && user !== "" ? user : null),
  };
}

/**
 * Parses one cPanel error_log line (a trailing `\n`/`\r\n` is ignored). Hook lines
 * `[YYYY-MM-DD HH:MM:SS ±HHMM] info [spoor_<tag>] {json}`, anchored at the start of the line,
 * become events: `spoor_forward_added` (or `spoor_forward_added_partial_recipient`) gives the
 * original's `forward_added_partial_recipient`; `spoor_<event>` gives each other event of
 * {@link HOOK_EVENTS} with the fields listed in the README. Broken JSON, wrong types, an
 * impossible date and every other line give exactly `{type: "error", event: "unrecognised"}`.
 * Never throws.
 */
export function parseErrorLine(line: string): ErrorEntry {
  return parseOrUnrecognised("error", parse, line);
}
