import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Real cPanel v120 log lines (bytes, without "\n") from the repository's fixtures. */
export function corpusLines(log: "access_log" | "login_log" | "session_log"): Buffer[] {
  const path = fileURLToPath(new URL(`../../../../fixtures/cpanel-v120/${log}`, import.meta.url));
  const bytes = readFileSync(path);
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    if (i > start) lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return lines;
}

/** A webmail login recorded in login_log (needs "Log successful logins"). */
export function webmailLoginLine(n: number): string {
  return `[2024-08-16 18:05:${String(n % 60).padStart(2, "0")} +0000] info [webmaild] 203.0.113.${n % 250} - user${n}@example.com (possessor: owner1) - SUCCESS LOGIN webmaild`;
}

/** A webmail form login as session_log records it. */
export function webmailSessionLine(n: number): string {
  return `[2024-08-16 18:06:${String(n % 60).padStart(2, "0")} +0000] info [webmaild] 203.0.113.${n % 250} NEW user${n}@example.com:Xk${n}abcdefGHIJ address=203.0.113.${n % 250},app=webmaild,creator=user${n}@example.com,method=handle_form_login,path=form,possessed=0`;
}

/** A webmail user adding a forwarder through the Jupiter UI. */
export function forwarderAddLine(n: number): string {
  return `203.0.113.${n % 250} - user${n}%40example.com [08/16/2024:18:00:${String(n % 60).padStart(2, "0")} -0000] "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096`;
}

/** A webmail user removing a forwarder. */
export function forwarderRemoveLine(n: number): string {
  return `203.0.113.${n % 250} - user${n}%40example.com [08/16/2024:18:01:${String(n % 60).padStart(2, "0")} -0000] "GET /cpsess1234567890/webmail/jupiter/mail/dodelfwd.html?email=user${n}%40example.com&emaildest=dest${n}%40example.net HTTP/1.1" 200 0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096`;
}
