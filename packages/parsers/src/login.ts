import type { LoginEntry, UnrecognisedEntry } from "./entry.js";
import { loginContext } from "./login-context.js";
import { parseCpsrvdTimestamp, parseLoggerTimestamp } from "./parse-timestamp.js";
import { unescapePercent } from "./unescape-percent.js";
import { parseOrUnrecognised, unrecognised } from "./unrecognised.js";

export type { LoginEntry, UnrecognisedEntry } from "./entry.js";

// `[TS] info [SCOPE] IP - ` (Perl `\s` between the parts, as the original).
const PREFIX =
  /\[([^\]]{1,64})\][\t\n\v\f\r ]info[\t\n\v\f\r ]\[([^\]]+)\][\t\n\v\f\r ]([^\t\n\v\f\r ]+)[\t\n\v\f\r ]-[\t\n\v\f\r ]/y;
// `CREDENTIAL - SUCCESS…`: the credential may hold hyphens (the original stopped at the first)
// but never a `"`, so a quoted request line cannot fake a success.
const SUCCESS = /([^"\n]+?)[\t\n\v\f\r ]-[\t\n\v\f\r ]SUCCESS/y;
const POSSESSOR = /^([^\t\n\v\f\r ]+)[\t\n\v\f\r ]\(possessor: ([^)]+)\)/;
// `CREDENTIAL "ENDPOINT" WORD TEXT: MESSAGE` (failures and deferrals).
const OUTCOME =
  /([^"\n]+?)[\t\n\v\f\r ]"([^"]+)"[\t\n\v\f\r ]([A-Z]+)[\t\n\v\f\r ]([^:]{1,256}):[\t\n\v\f\r ]([^\n]+)$/y;
// Legacy (pre-11.5x, still cpdavd): `IP - USER [MM/DD/YYYY:HH:MM:SS ±HHMM] "ENDPOINT" WORD LOGIN SERVICE: MESSAGE`.
const LEGACY =
  /^([^\t\n\v\f\r ]+)[\t\n\v\f\r ]-[\t\n\v\f\r ]([^"\n]+?)[\t\n\v\f\r ]\[([^\]]{1,64})\][\t\n\v\f\r ]"([^"]+)"[\t\n\v\f\r ]([A-Z]+)[\t\n\v\f\r ]LOGIN[\t\n\v\f\r ]([^:\t\n\v\f\r ]+):[\t\n\v\f\r ]([^\n]+)$/;
// The service word after `LOGIN`, which is the scope when the bracket tag is `cpsrvd`.
const SERVICE_AFTER_SUCCESS = /[\t\n\v\f\r ]LOGIN[\t\n\v\f\r ]([^\t\n\v\f\r ]+)/y;
const SERVICE_IN_TEXT = /^LOGIN[\t\n\v\f\r ]([^\t\n\v\f\r ]+)$/;

function entry(
  logTime: number,
  ip: string,
  credential: string,
  possessor: string | undefined,
  status: string,
  scope: string,
  endpoint?: string,
  message?: string,
): LoginEntry {
  const result: LoginEntry = {
    type: "login",
    event: "login",
    log_time: logTime,
    ip,
    credential,
    status,
    scope,
  };
  if (possessor !== undefined) result.possessor = possessor;
  const context = loginContext(scope, credential);
  if (context !== undefined) result.context = context;
  if (endpoint !== undefined) result.endpoint = endpoint;
  if (message !== undefined) result.message = message;
  return result;
}

function parseSuccess(line: string, from: number, logTime: number, tag: string, ip: string) {
  // A genuine success line carries no request line, so it holds no `"` at all. A failure line
  // always does, and its user name is outsider-controlled: a name like `a@b - SUCCESS LOGIN
  // webmaild` inside a FAILED line must not read as a successful mailbox login.
  if (line.indexOf('"', from) !== -1) return undefined;
  SUCCESS.lastIndex = from;
  const success = SUCCESS.exec(line);
  if (success === null) return undefined;
  let scope = tag;
  if (tag === "cpsrvd") {
    SERVICE_AFTER_SUCCESS.lastIndex = SUCCESS.lastIndex;
    scope = SERVICE_AFTER_SUCCESS.exec(line)?.[1] ?? tag;
  }
  const credentials = unescapePercent(success[1]!);
  const possessor = POSSESSOR.exec(credentials);
  if (possessor === null) return entry(logTime, ip, credentials, undefined, "success", scope);
  return entry(logTime, ip, possessor[1]!, possessor[2]!, "success", scope);
}

function parseOutcome(line: string, from: number, logTime: number, tag: string, ip: string) {
  OUTCOME.lastIndex = from;
  const outcome = OUTCOME.exec(line);
  if (outcome === null) return undefined;
  const scope = tag === "cpsrvd" ? (SERVICE_IN_TEXT.exec(outcome[4]!)?.[1] ?? tag) : tag;
  const credential = unescapePercent(outcome[1]!);
  const status = outcome[3]!.toLowerCase();
  return entry(logTime, ip, credential, undefined, status, scope, outcome[2]!, outcome[5]!);
}

function parseLegacy(line: string): LoginEntry | undefined {
  const legacy = LEGACY.exec(line);
  if (legacy === null) return undefined;
  const logTime = parseCpsrvdTimestamp(legacy[3]!);
  if (logTime === undefined) return undefined;
  const credential = unescapePercent(legacy[2]!);
  const status = legacy[5]!.toLowerCase();
  return entry(
    logTime,
    legacy[1]!,
    credential,
    undefined,
    status,
    legacy[6]!,
    legacy[4]!,
    legacy[7]!,
  );
}

function parse(line: string): LoginEntry | UnrecognisedEntry<"login"> {
  PREFIX.lastIndex = 0;
  const prefix = PREFIX.exec(line);
  if (prefix === null) return parseLegacy(line) ?? unrecognised("login");
  const logTime = parseLoggerTimestamp(prefix[1]!);
  if (logTime === undefined) return unrecognised("login");
  const from = PREFIX.lastIndex;
  const tag = prefix[2]!;
  const ip = prefix[3]!;
  return (
    parseSuccess(line, from, logTime, tag, ip) ??
    parseOutcome(line, from, logTime, tag, ip) ??
    unrecognised("login")
  );
}

/**
 * Parses one cPanel login_log line (a trailing `\n`/`\r\n` is ignored) into a `login` entry:
 * `[TS] info [SCOPE] IP - USER [(possessor: X)] - SUCCESS …`, `[TS] info [SCOPE] IP - USER
 * "ENDPOINT" FAILED|DEFERRED LOGIN SERVICE: MESSAGE`, the older `[cpsrvd]`-tagged lines (scope
 * = the service word after `LOGIN`) and the legacy `IP - USER [MM/DD/YYYY:…] "…" FAILED LOGIN
 * SERVICE: MESSAGE`. Credentials may hold hyphens and are %-unescaped. Anything else, or an
 * impossible date, gives exactly `{type: "login", event: "unrecognised"}`. Never throws.
 */
export function parseLoginLine(line: string): LoginEntry | UnrecognisedEntry<"login"> {
  return parseOrUnrecognised("login", parse, line);
}
