const two = (n: number) => String(n % 60).padStart(2, "0");
const ip = (n: number) => `203.0.113.${n % 250}`;
const user = (n: number) => `user${n}@example.com`;
const TAIL = '0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096';

/** access_log: webmail user `address` (default `user<n>@example.com`) adds a forwarder
 *  through Jupiter (event forward_added_partial_ip). */
export function forwarderAddLine(n: number, address = user(n)): string {
  return `${ip(n)} - ${address.replace("@", "%40")} [08/16/2024:18:00:${two(n)} -0000] "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 ${TAIL}`;
}

/** access_log: the same user removes the forwarder to `dest<n>@example.net` (forward_removed). */
export function forwarderRemoveLine(n: number, address = user(n)): string {
  const encoded = address.replace("@", "%40");
  return `${ip(n)} - ${encoded} [08/16/2024:18:01:${two(n)} -0000] "GET /cpsess1234567890/webmail/jupiter/mail/dodelfwd.html?email=${encoded}&emaildest=dest${n}%40example.net HTTP/1.1" 200 ${TAIL}`;
}

/** login_log: a successful webmail login of `address` (needs "Log successful logins"). */
export function webmailLoginLine(n: number, address = user(n)): string {
  return `[2024-08-16 18:05:${two(n)} +0000] info [webmaild] ${ip(n)} - ${address} (possessor: owner1) - SUCCESS LOGIN webmaild`;
}

/** session_log: a webmail form login of `address`. */
export function webmailSessionLine(n: number, address = user(n)): string {
  return `[2024-08-16 18:06:${two(n)} +0000] info [webmaild] ${ip(n)} NEW ${address}:Xk${n}abcdefGHIJ address=${ip(n)},app=webmaild,creator=${address},method=handle_form_login,path=form,possessed=0`;
}
