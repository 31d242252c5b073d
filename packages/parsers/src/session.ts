import type { LoginEntry, UnrecognisedEntry } from "./entry.js";
import { loginContext } from "./login-context.js";
import { parseLoggerTimestamp } from "./parse-timestamp.js";
import { unescapePercent } from "./unescape-percent.js";
import { parseOrUnrecognised, unrecognised } from "./unrecognised.js";

export type { LoginEntry, UnrecognisedEntry } from "./entry.js";

// `[TS] info [SCOPE] HOST NEW USER:SESSION ORIGIN` where ORIGIN is `key=value,…`.
const NEW_SESSION =
  /^\[([^\]]{1,64})\] info \[([^\]]+)\] ([^\t\n\v\f\r ]+) NEW ([^:\t\n\v\f\r ]+):[^\t\n\v\f\r ]*(?: ([^\n]*))?$/;
const FORM_LOGIN = /(?:^|,)method=handle_form_login(?:,|$)/;
const APP = /(?:^|,)app=([^,]+)/;

function parse(line: string): LoginEntry | UnrecognisedEntry<"session"> {
  const session = NEW_SESSION.exec(line);
  if (session === null) return unrecognised("session");
  const origin = session[5] ?? "";
  if (!FORM_LOGIN.test(origin)) return unrecognised("session");
  const credential = unescapePercent(session[4]!);
  if (!credential.includes("@")) return unrecognised("session");
  const logTime = parseLoggerTimestamp(session[1]!);
  if (logTime === undefined) return unrecognised("session");
  const tag = session[2]!;
  const scope = tag === "cpsrvd" ? (APP.exec(origin)?.[1] ?? tag) : tag;
  const entry: LoginEntry = {
    type: "session",
    event: "login",
    log_time: logTime,
    ip: session[3]!,
    credential,
    status: "success",
    scope,
  };
  const context = loginContext(scope, credential);
  if (context !== undefined) entry.context = context;
  return entry;
}

/**
 * Parses one cPanel session_log line (a trailing `\n`/`\r\n` is ignored). A new session made
 * by a form login for a user holding `@` (raw or `%40`), `[TS] info [SCOPE] HOST NEW
 * USER:SESSION …method=handle_form_login…`, gives `{type: "session", event: "login",
 * log_time, ip, credential, status: "success", scope, context}` (`scope` from the bracket tag,
 * or the `app=` value under the old `[cpsrvd]` tag; `context` as for login_log). Every other
 * line — PURGE, other methods, non-mailbox users, blank lines, impossible dates — gives
 * exactly `{type: "session", event: "unrecognised"}`. Never throws.
 */
export function parseSessionLine(line: string): LoginEntry | UnrecognisedEntry<"session"> {
  return parseOrUnrecognised("session", parse, line);
}
