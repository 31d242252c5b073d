// Sample log lines shared by the tests: original.md §10 (the original's own test lines) and
// cpanel.md §1 (real cPanel lines). Facts about log formats, not code.
import {
  forwarderHookData,
  hookLogLine,
  ORIGINAL_A,
  ORIGINAL_E,
  ORIGINAL_L,
  ORIGINAL_R,
} from "@spoor/test-support";

/** Unix seconds of an ISO date, through Date: an oracle independent of the parsers. */
export function unix(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO date ${iso}`);
  return ms / 1000;
}

/** The line bare, with `\n` and with `\r\n`: every one must parse the same. */
export function withEndings(line: string): string[] {
  return [line, `${line}\n`, `${line}\r\n`];
}

/** original.md §10 access lines A1–A5 (log_time 1539625647). */
export const A = ORIGINAL_A;
/** original.md §10 access lines R1–R6 (log_time 1551782317). */
export const R = ORIGINAL_R;
/** original.md §10 login lines L1–L6. */
export const L = ORIGINAL_L;
/** original.md §10 error lines E1–E5 (log_time 1549794257). */
export const E = ORIGINAL_E;
export { forwarderHookData as hookData, hookLogLine as hookLine };

const WEBMAIL_TAIL =
  ' 0 "https://mail.example.net:2096/" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" "s" "-" 2096';

/** A webmail access_log line of `user` (as logged) for `request` answered `status`. */
export function webmailLine(user: string, request: string, status = "200"): string {
  return `203.0.113.9 - ${user} [08/16/2024:18:01:02 -0000] "${request}" ${status}${WEBMAIL_TAIL}`;
}

/** Interesting lines of every log, for mixing with background traffic. */
export const INTERESTING: Readonly<Record<"access" | "error" | "login" | "session", string[]>> = {
  access: [
    A.A1,
    R.R1,
    webmailLine(
      "victim%40example.net",
      "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1",
    ),
    webmailLine(
      "victim%40example.net",
      "GET /cpsess1234567890/execute/Email/delete_forwarder?address=victim%40example.net&forwarder=thief%40example.org HTTP/1.1",
    ),
    webmailLine("victim@example.net", "POST /cpsess1/execute/Email/add_forwarder HTTP/1.1"),
  ],
  error: [E.E1],
  login: [
    L.L1,
    "[2016-04-18 13:08:27 -0400] info [cpsrvd] 10.1.5.19 - emailaccount@reseller.com (possessor: reseller) - SUCCESS LOGIN webmaild",
    "[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.9 - first-last@my-domain.example (possessor: my-user) - SUCCESS LOGIN webmaild",
  ],
  session: [
    "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW victim%40example.net:XyZ12abc address=192.0.2.9,app=webmaild,creator=victim@example.net,method=handle_form_login,path=form,possessed=0",
  ],
};
