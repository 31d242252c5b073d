// The sample lines of original.md §10 with the exact entries they parse to.
import { ORIGINAL_A, ORIGINAL_E, ORIGINAL_L, ORIGINAL_R } from "./original-lines.js";

const MAILBOX = "rorymckinley@blah.capefox.co";
const A = { type: "access", log_time: 1539625647, ip: "10.10.10.10" };
const R = { type: "access", log_time: 1551782317, ip: "10.10.10.10" };

/** A sample line and the exact object it parses to. */
export interface SampleLine {
  name: string;
  line: string;
  entry: Record<string, unknown>;
}

const RECIPIENT = "rorymckinley+cpanel@gmail.com";

/** One access sample: `name` is a key of ORIGINAL_A or ORIGINAL_R. */
function access(
  name: string,
  event: string,
  credential: string,
  context: string,
  status: string,
  extra: Record<string, unknown> = {},
): SampleLine {
  const fromR = name.startsWith("R");
  const line = fromR
    ? ORIGINAL_R[name as keyof typeof ORIGINAL_R]
    : ORIGINAL_A[name as keyof typeof ORIGINAL_A];
  return {
    name,
    line,
    entry: { ...(fromR ? R : A), event, credential, context, status, ...extra },
  };
}

/** original.md §10, access log (A1–A5, R1–R5; R6 is tested separately: it holds a newline). */
export const ACCESS_SAMPLES: SampleLine[] = [
  access("A1", "forward_added_partial_ip", MAILBOX, "mailbox", "success"),
  access("A2", "unrecognised", "foo", "unrecognised", "success"),
  access("A3", "unrecognised", MAILBOX, "mailbox", "success"),
  access("A4", "unrecognised", MAILBOX, "mailbox", "success"),
  access("A5", "forward_added_partial_ip", MAILBOX, "mailbox", "failed"),
  access("R1", "forward_removed", MAILBOX, "mailbox", "success", { forward_recipient: RECIPIENT }),
  access("R2", "unrecognised", "foobar", "unrecognised", "success"),
  access("R3", "forward_removed", MAILBOX, "mailbox", "failed", { forward_recipient: RECIPIENT }),
  access("R4", "unrecognised", MAILBOX, "mailbox", "success"),
  access("R5", "unrecognised", MAILBOX, "mailbox", "success"),
];

const LOGIN = { type: "login", event: "login", ip: "10.10.10.10" };

/** original.md §10, login log (L1–L6). */
export const LOGIN_SAMPLES: SampleLine[] = [
  {
    name: "L1",
    line: ORIGINAL_L.L1,
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
    line: ORIGINAL_L.L2,
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
    line: ORIGINAL_L.L3,
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
    line: ORIGINAL_L.L4,
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
    line: ORIGINAL_L.L5,
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
    line: ORIGINAL_L.L6,
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

const E = {
  type: "error",
  event: "forward_added_partial_recipient",
  log_time: 1549794257,
  status: "success",
  email: "victim@spoor.test",
};

/** original.md §10, error log (E1–E5). */
export const ERROR_SAMPLES: SampleLine[] = [
  {
    name: "E1",
    line: ORIGINAL_E.E1,
    entry: {
      ...E,
      context: "mailbox",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
    },
  },
  {
    name: "E2",
    line: ORIGINAL_E.E2,
    entry: { ...E, context: "domain", forward_type: "email", forward_to: "dodgy@dodgydomain.test" },
  },
  {
    name: "E3",
    line: ORIGINAL_E.E3,
    entry: { ...E, context: "domain", forward_type: "system_user", forward_to: "dodgysystemuser" },
  },
  {
    name: "E4",
    line: ORIGINAL_E.E4,
    entry: { ...E, context: "domain", forward_type: "pipe", forward_to: "|/dev/null" },
  },
  {
    name: "E5",
    line: ORIGINAL_E.E5,
    entry: { type: "error", event: "unrecognised" },
  },
];

/** A webmail login in session_log (contract §2: `login` with status success). */
export const SESSION_SAMPLE: SampleLine = {
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

/**
 * The parsed entry of one original.md §10 sample by its name (`A1`…`A5`, `R1`…`R5`,
 * `L1`…`L6`, `E1`…`E5`, `S1`), as a fresh object.
 * @throws Error for a name that is not a sample.
 */
export function originalEntry(name: string): Record<string, unknown> {
  const sample = [...ACCESS_SAMPLES, ...LOGIN_SAMPLES, ...ERROR_SAMPLES, SESSION_SAMPLE].find(
    (candidate) => candidate.name === name,
  );
  if (sample === undefined) throw new Error(`no original.md §10 sample named ${name}`);
  return structuredClone(sample.entry);
}
