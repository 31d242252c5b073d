import { forwardRemovalRecipient, isForwardAdd, recipientValue } from "./access-request.js";
import type { AccessEntry, UnrecognisedEntry } from "./entry.js";
import { isPerlSpace } from "./line-end.js";
import { parseCpsrvdTimestamp } from "./parse-timestamp.js";
import { unescapePercent } from "./unescape-percent.js";
import { parseOrUnrecognised, unrecognised } from "./unrecognised.js";

export type { AccessEntry, UnrecognisedEntry } from "./entry.js";

// `IP - ` (one whitespace character on each side of the dash, as the original), or `IP proxy `
// for requests that reached cpsrvd through a service subdomain (`webmail.example.com`), where
// a webmail user's forwarder changes are logged the same way. The original only knew `-`.
const PREFIX = /([^\t\n\v\f\r ]+)[\t\n\v\f\r ](?:-|proxy)[\t\n\v\f\r ]/y;
// `[TIMESTAMP] "REQUEST" STATUS` followed by whitespace or the end of the line (the port and
// everything else after the status are optional). A timestamp longer than 64 characters can
// never be valid, so a line the bound changes is one the original died on.
const TAIL = /\[([^\]]{1,64})\][\t\n\v\f\r ]"([^"]+)"[\t\n\v\f\r ](\d{3})(?:[\t\n\v\f\r ]|$)/y;

function parse(line: string): AccessEntry | UnrecognisedEntry<"access"> {
  PREFIX.lastIndex = 0;
  const prefix = PREFIX.exec(line);
  if (prefix === null) return unrecognised("access");
  const userStart = PREFIX.lastIndex;
  // The user is greedy in the original: the split is the right-most `WS[` where the rest of
  // the pattern fits. The user never spans a newline (the original's `.`) and, unlike the
  // original, never holds a `"`: a request line cannot pose as the tail of a forged line.
  const quote = line.indexOf('"', userStart);
  if (quote === -1) return unrecognised("access");
  const newline = line.indexOf("\n", userStart);
  const limit = newline === -1 || newline + 1 > quote ? quote - 1 : newline + 1;
  let bracket = line.lastIndexOf("[", limit);
  let tail: RegExpExecArray | null = null;
  while (bracket >= userStart + 2) {
    if (isPerlSpace(line.charCodeAt(bracket - 1))) {
      TAIL.lastIndex = bracket;
      tail = TAIL.exec(line);
      if (tail !== null) break;
    }
    bracket = line.lastIndexOf("[", bracket - 1);
  }
  if (tail === null) return unrecognised("access");
  const logTime = parseCpsrvdTimestamp(tail[1]!);
  if (logTime === undefined) return unrecognised("access");
  const credential = unescapePercent(line.slice(userStart, bracket - 1));
  const request = tail[2]!;
  const mailbox = credential.includes("@");
  const entry: AccessEntry = {
    type: "access",
    event: "unrecognised",
    log_time: logTime,
    ip: prefix[1]!,
    credential,
    context: mailbox ? "mailbox" : "unrecognised",
    status: tail[3] === "200" ? "success" : "failed",
  };
  if (!mailbox) return entry;
  if (isForwardAdd(request)) {
    entry.event = "forward_added_partial_ip";
    return entry;
  }
  const removed = forwardRemovalRecipient(request);
  if (removed !== undefined) {
    entry.event = "forward_removed";
    const recipient = recipientValue(removed);
    if (recipient !== undefined) entry.forward_recipient = recipient;
  }
  return entry;
}

/**
 * Parses one cPanel access_log line (a trailing `\n`/`\r\n` is ignored). Recognised lines
 * (`IP - USER [MM/DD/YYYY:HH:MM:SS ±HHMM] "REQUEST" STATUS …`, port optional) give
 * `{type, event, log_time, ip, credential, context, status}` plus `forward_recipient` on a
 * removal; `event` is `forward_added_partial_ip` (POST to `doaddfwd.html` of any theme, or the
 * UAPI `Email/add_forwarder`), `forward_removed` (GET `dodelfwd.html?…emaildest=`, or the UAPI
 * `Email/delete_forwarder?…forwarder=`), both only for a credential holding `@`, else
 * `unrecognised`. Any other line, or an impossible date, gives exactly
 * `{type: "access", event: "unrecognised"}`. Never throws.
 */
export function parseAccessLine(line: string): AccessEntry | UnrecognisedEntry<"access"> {
  return parseOrUnrecognised("access", parse, line);
}
