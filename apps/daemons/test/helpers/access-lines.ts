import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Real cPanel v120 access_log lines (bytes, without "\n"): background traffic. */
export function corpusAccessLines(): Buffer[] {
  const path = fileURLToPath(
    new URL("../../../../fixtures/cpanel-v120/access_log", import.meta.url),
  );
  const bytes = readFileSync(path);
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    if (i > start) lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return lines;
}

/** A webmail user adding a forwarder through the Jupiter UI (event forward_added_partial_ip). */
export function forwarderAddLine(n: number): string {
  return `203.0.113.${n % 250} - user${n}%40example.com [08/16/2024:18:00:${String(n % 60).padStart(2, "0")} -0000] "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096`;
}

/** A webmail user removing a forwarder (event forward_removed). */
export function forwarderRemoveLine(n: number): string {
  return `203.0.113.${n % 250} - user${n}%40example.com [08/16/2024:18:01:${String(n % 60).padStart(2, "0")} -0000] "GET /cpsess1234567890/webmail/jupiter/mail/dodelfwd.html?email=user${n}%40example.com&emaildest=dest${n}%40example.net HTTP/1.1" 200 0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096`;
}
