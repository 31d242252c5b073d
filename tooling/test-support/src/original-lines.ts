// The original's own test lines (original.md §10): facts about cPanel's log formats.
import { forwarderHookData } from "./hook-payloads.js";

const A_SUFFIX =
  ' 0 "https://cp4.capefox.co:2096/" "Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:61.0) Gecko/20100101 Firefox/61.0" "s" "-" 2096';
const MBX = "rorymckinley%40blah.capefox.co";

function aLine(user: string, request: string, status: string): string {
  return `10.10.10.10 - ${user} [10/15/2018:17:47:27 -0000] "${request}" ${status}${A_SUFFIX}`;
}

const ADD = "POST /cpsess0248462691/webmail/paper_lantern/mail/doaddfwd.html HTTP/1.1";

/** original.md §10 access lines A1–A5 (log_time 1539625647). */
export const ORIGINAL_A = {
  A1: aLine(MBX, ADD, "200"),
  A2: aLine("foo", ADD, "200"),
  A3: aLine(MBX, "GET /cpsess0248462691/webmail/paper_lantern/mail/doaddfwd.html HTTP/1.1", "200"),
  A4: aLine(MBX, "POST /cpsess0248462691/webmail/paper_lantern/mail/xxxx.html HTTP/1.1", "200"),
  A5: aLine(MBX, ADD, "400"),
};

const R_SUFFIX =
  ' 0 "https://cp6.capefox.co:2096/" "Mozilla/5.0 (X11; Fedora; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.96 Safari/537.36" "s" "-" 2096';
const R_QUERY =
  "/cpsess9858418447/webmail/paper_lantern/mail/dodelfwd.html?email=rorymckinley%40blah.capefox.co&emaildest=rorymckinley%2bcpanel%40gmail.com";

function rLine(user: string, method: string, path: string, status: string): string {
  return `10.10.10.10 - ${user} [03/05/2019:10:38:37 -0000] "${method} ${path} HTTP/1.1" ${status}${R_SUFFIX}`;
}

/** original.md §10 access lines R1–R6 (log_time 1551782317). */
export const ORIGINAL_R = {
  R1: rLine(MBX, "GET", R_QUERY, "200"),
  R2: rLine("foobar", "GET", R_QUERY, "200"),
  R3: rLine(MBX, "GET", R_QUERY, "400"),
  R4: rLine(MBX, "POST", R_QUERY, "200"),
  R5: rLine(
    MBX,
    "GET",
    "/cpsess9858418447/webmail/paper_lantern/mail/dodelfwd.html?email=rorymckinley%40blah.capefox.co",
    "200",
  ),
  // A TLS ClientHello sent to a plain-text port: binary bytes (decoded as U+FFFD), a quote and
  // a newline inside the "request".
  R6: '10.0.0.1 - - [04/05/2019:01:31:09 -0000] "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\ufffd\u0003\u0003\ufffd"\ufffd\ufffd\n\ufffd\u0000\u0000\ufffd\ufffd" 400 0 "-" "-" "-" "-" 2082',
};

/** original.md §10 login lines L1–L6. */
export const ORIGINAL_L = {
  L1: "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - rorymckinley@blah.capefox.co (possessor: blahuser) - SUCCESS LOGIN webmaild",
  L2: "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - foobarbazzle (possessor: blahuser) - SUCCESS LOGIN webmaild",
  L3: "[2018-10-12 12:38:31 +0000] info [whostmgrd] 10.10.10.10 - root - SUCCESS LOGIN whostmgrd",
  L4: "[2018-10-14 06:40:21 +0000] info [cpaneld] 10.10.10.10 - blahuser - SUCCESS LOGIN cpaneld",
  L5: '[2018-10-14 09:09:12 +0000] info [whostmgrd] 10.10.10.10 - root "GET / HTTP/1.1" DEFERRED LOGIN whostmgrd: security token missing',
  L6: '[2018-10-15 15:42:18 +0000] info [cpaneld] 10.10.10.10 - cpresellercapefo "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN cpaneld: access denied for root, reseller, and user password',
};

/** An error_log hook line `[2019-02-10 10:24:17 +0000] info [spoor_TAG] JSON` (log_time 1549794257). */
export function hookLogLine(tag: string, data: unknown, ts = "2019-02-10 10:24:17 +0000"): string {
  return `[${ts}] info [spoor_${tag}] ${JSON.stringify(data)}`;
}

/** original.md §10 error lines E1–E5. */
export const ORIGINAL_E = {
  E1: hookLogLine("forward_added", forwarderHookData()),
  E2: hookLogLine("forward_added", forwarderHookData({ domain: "spoor.test" })),
  E3: hookLogLine(
    "forward_added",
    forwarderHookData(
      { domain: "spoor.test", fwdemail: "", fwdsystem: "dodgysystemuser", fwdopt: "system" },
      "dodgysystemuser",
    ),
  ),
  E4: hookLogLine(
    "forward_added",
    forwarderHookData(
      { domain: "spoor.test", fwdemail: "", pipefwd: "/dev/null", fwdopt: "pipe" },
      "|/dev/null",
    ),
  ),
  E5: "[2019-02-10 10:24:17 +0000] info [notspoor] blah",
};
