// The sample lines of original.md §10 with the entries `spoor parse` must print for them.

const MBX = "rorymckinley%40blah.capefox.co";
const MAILBOX = "rorymckinley@blah.capefox.co";
const A_SUFFIX =
  ' 0 "https://cp4.capefox.co:2096/" "Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:61.0) Gecko/20100101 Firefox/61.0" "s" "-" 2096';
const R_SUFFIX =
  ' 0 "https://cp6.capefox.co:2096/" "Mozilla/5.0 (X11; Fedora; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.96 Safari/537.36" "s" "-" 2096';
const ADD = "/cpsess0248462691/webmail/paper_lantern/mail/doaddfwd.html";
const DEL =
  "/cpsess9858418447/webmail/paper_lantern/mail/dodelfwd.html?email=rorymckinley%40blah.capefox.co&emaildest=rorymckinley%2bcpanel%40gmail.com";

const a = (user: string, request: string, status: number) =>
  `10.10.10.10 - ${user} [10/15/2018:17:47:27 -0000] "${request}" ${status}${A_SUFFIX}`;
const r = (user: string, request: string, status: number) =>
  `10.10.10.10 - ${user} [03/05/2019:10:38:37 -0000] "${request}" ${status}${R_SUFFIX}`;
const A = { type: "access", log_time: 1539625647, ip: "10.10.10.10" };
const R = { type: "access", log_time: 1551782317, ip: "10.10.10.10" };

/** A sample line and the exact object it parses to. */
export interface Sample {
  name: string;
  line: string;
  entry: Record<string, unknown>;
}

/** original.md §10, access log (A1–A5, R1–R5; R6 is tested separately: it holds a newline). */
export const ACCESS_SAMPLES: Sample[] = [
  {
    name: "A1",
    line: a(MBX, `POST ${ADD} HTTP/1.1`, 200),
    entry: {
      ...A,
      event: "forward_added_partial_ip",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
    },
  },
  {
    name: "A2",
    line: a("foo", `POST ${ADD} HTTP/1.1`, 200),
    entry: {
      ...A,
      event: "unrecognised",
      credential: "foo",
      context: "unrecognised",
      status: "success",
    },
  },
  {
    name: "A3",
    line: a(MBX, `GET ${ADD} HTTP/1.1`, 200),
    entry: {
      ...A,
      event: "unrecognised",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
    },
  },
  {
    name: "A4",
    line: a(MBX, "POST /cpsess0248462691/webmail/paper_lantern/mail/xxxx.html HTTP/1.1", 200),
    entry: {
      ...A,
      event: "unrecognised",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
    },
  },
  {
    name: "A5",
    line: a(MBX, `POST ${ADD} HTTP/1.1`, 400),
    entry: {
      ...A,
      event: "forward_added_partial_ip",
      credential: MAILBOX,
      context: "mailbox",
      status: "failed",
    },
  },
  {
    name: "R1",
    line: r(MBX, `GET ${DEL} HTTP/1.1`, 200),
    entry: {
      ...R,
      event: "forward_removed",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
      forward_recipient: "rorymckinley+cpanel@gmail.com",
    },
  },
  {
    name: "R2",
    line: r("foobar", `GET ${DEL} HTTP/1.1`, 200),
    entry: {
      ...R,
      event: "unrecognised",
      credential: "foobar",
      context: "unrecognised",
      status: "success",
    },
  },
  {
    name: "R3",
    line: r(MBX, `GET ${DEL} HTTP/1.1`, 400),
    entry: {
      ...R,
      event: "forward_removed",
      credential: MAILBOX,
      context: "mailbox",
      status: "failed",
      forward_recipient: "rorymckinley+cpanel@gmail.com",
    },
  },
  {
    name: "R4",
    line: r(MBX, `POST ${DEL} HTTP/1.1`, 200),
    entry: {
      ...R,
      event: "unrecognised",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
    },
  },
  {
    name: "R5",
    line: r(MBX, `GET ${DEL.slice(0, DEL.indexOf("&"))} HTTP/1.1`, 200),
    entry: {
      ...R,
      event: "unrecognised",
      credential: MAILBOX,
      context: "mailbox",
      status: "success",
    },
  },
];

const LOGIN = { type: "login", event: "login", ip: "10.10.10.10" };

/** original.md §10, login log (L1–L6). */
export const LOGIN_SAMPLES: Sample[] = [
  {
    name: "L1",
    line: "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - rorymckinley@blah.capefox.co (possessor: blahuser) - SUCCESS LOGIN webmaild",
    entry: {
      ...LOGIN,
      log_time: 1537372956,
      scope: "webmaild",
      credential: MAILBOX,
      possessor: "blahuser",
      status: "success",
      context: "mailbox",
    },
  },
  {
    name: "L2",
    line: "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - foobarbazzle (possessor: blahuser) - SUCCESS LOGIN webmaild",
    entry: {
      ...LOGIN,
      log_time: 1537372956,
      scope: "webmaild",
      credential: "foobarbazzle",
      possessor: "blahuser",
      status: "success",
      context: "domain",
    },
  },
  {
    name: "L3",
    line: "[2018-10-12 12:38:31 +0000] info [whostmgrd] 10.10.10.10 - root - SUCCESS LOGIN whostmgrd",
    entry: {
      ...LOGIN,
      log_time: 1539347911,
      scope: "whostmgrd",
      credential: "root",
      status: "success",
      context: "system",
    },
  },
  {
    name: "L4",
    line: "[2018-10-14 06:40:21 +0000] info [cpaneld] 10.10.10.10 - blahuser - SUCCESS LOGIN cpaneld",
    entry: {
      ...LOGIN,
      log_time: 1539499221,
      scope: "cpaneld",
      credential: "blahuser",
      status: "success",
      context: "domain",
    },
  },
  {
    name: "L5",
    line: '[2018-10-14 09:09:12 +0000] info [whostmgrd] 10.10.10.10 - root "GET / HTTP/1.1" DEFERRED LOGIN whostmgrd: security token missing',
    entry: {
      ...LOGIN,
      log_time: 1539508152,
      scope: "whostmgrd",
      credential: "root",
      status: "deferred",
      message: "security token missing",
      endpoint: "GET / HTTP/1.1",
      context: "system",
    },
  },
  {
    name: "L6",
    line: '[2018-10-15 15:42:18 +0000] info [cpaneld] 10.10.10.10 - cpresellercapefo "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN cpaneld: access denied for root, reseller, and user password',
    entry: {
      ...LOGIN,
      log_time: 1539618138,
      scope: "cpaneld",
      credential: "cpresellercapefo",
      status: "failed",
      message: "access denied for root, reseller, and user password",
      endpoint: "POST /login/?login_only=1 HTTP/1.1",
      context: "domain",
    },
  },
];

const BASE_ARGS = {
  fwdsystem: "",
  email: "victim",
  failmsgs: "",
  domain: "",
  fwdemail: "dodgy@dodgydomain.test",
  pipefwd: "",
  fwdopt: "fwd",
};
const hookLine = (args: Record<string, string>, forward: string) =>
  `[2019-02-10 10:24:17 +0000] info [spoor_forward_added] ${JSON.stringify({
    args: { ...BASE_ARGS, ...args },
    result: [{ forward, domain: "spoor.test", email: "victim@spoor.test" }],
    user: "spoortest",
  })}`;
const E = {
  type: "error",
  event: "forward_added_partial_recipient",
  log_time: 1549794257,
  status: "success",
  email: "victim@spoor.test",
};

/** original.md §10, error log (E1–E5). */
export const ERROR_SAMPLES: Sample[] = [
  {
    name: "E1",
    line: hookLine({}, "dodgy@dodgydomain.test"),
    entry: {
      ...E,
      context: "mailbox",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
    },
  },
  {
    name: "E2",
    line: hookLine({ domain: "spoor.test" }, "dodgy@dodgydomain.test"),
    entry: { ...E, context: "domain", forward_type: "email", forward_to: "dodgy@dodgydomain.test" },
  },
  {
    name: "E3",
    line: hookLine(
      { domain: "spoor.test", fwdemail: "", fwdsystem: "dodgysystemuser", fwdopt: "system" },
      "dodgysystemuser",
    ),
    entry: { ...E, context: "domain", forward_type: "system_user", forward_to: "dodgysystemuser" },
  },
  {
    name: "E4",
    line: hookLine(
      { domain: "spoor.test", fwdemail: "", pipefwd: "/dev/null", fwdopt: "pipe" },
      "|/dev/null",
    ),
    entry: { ...E, context: "domain", forward_type: "pipe", forward_to: "|/dev/null" },
  },
  {
    name: "E5",
    line: "[2019-02-10 10:24:17 +0000] info [notspoor] blah",
    entry: { type: "error", event: "unrecognised" },
  },
];

/** A webmail login in session_log (contract §2: `login` with status success). */
export const SESSION_SAMPLE: Sample = {
  name: "S1",
  line: "[2024-08-16 17:52:58 -0000] info [webmaild] 10.10.10.10 NEW rorymckinley@blah.capefox.co:abcDEF123 address=10.10.10.10,app=webmaild,creator=rorymckinley@blah.capefox.co,method=handle_form_login,path=form,possessor=blahuser",
  entry: {
    type: "session",
    event: "login",
    log_time: 1723830778,
    ip: "10.10.10.10",
    credential: MAILBOX,
    status: "success",
    scope: "webmaild",
    context: "mailbox",
  },
};
