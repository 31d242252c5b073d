import { type SpoolEntry, stableId } from "@spoor/spool";

/** A spoolable successful webmail login, distinct per `n`. */
export function loginEntry(n: number, logTime = 1_723_830_000 + n): SpoolEntry {
  return {
    id: stableId("test-login", n),
    type: "login",
    event: "login",
    log_time: logTime,
    ip: `192.0.2.${n % 250}`,
    credential: `user${n}@example.com`,
    context: "mailbox",
    status: "success",
    scope: "webmaild",
  };
}

/** What the API receives for {@link loginEntry} (original.md §3.6). */
export function formattedLogin(n: number, host = "test-host", logTime = 1_723_830_000 + n) {
  return {
    type: "login",
    time: logTime,
    ip: `192.0.2.${n % 250}`,
    mailbox_address: `user${n}@example.com`,
    context: "mailbox",
    host,
  };
}
