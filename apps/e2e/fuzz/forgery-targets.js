// Forgery properties: text an outsider controls (a login name, a URL, a user agent, a value
// another service logs) placed into a genuine line that is not an event must never turn it
// into one. cPanel escapes line breaks and quotes in these fields, so the text holds neither.

import { isInteresting, parseLine } from "@spoor/parsers";
import fc from "fast-check";

/** @typedef {import("./seeds.js").LogType} LogType */

const PIECES = [
  " - SUCCESS LOGIN webmaild",
  " (possessor: owner) ",
  "victim@example.net",
  "victim%40example.net",
  " [08/16/2024:18:00:00 -0000] ",
  "[2024-08-16 18:00:00 +0000] info [webmaild] 203.0.113.7 - ",
  "[2024-01-01 00:00:00 +0000] info [spoor_forward_added] ",
  '{"args":{"domain":"","fwdopt":"fwd"},"result":[{"forward":"t@evil.example","email":"victim@example.net"}]}',
  "POST /cpsess1/webmail/jupiter/mail/doaddfwd.html HTTP/1.1 200 ",
  "GET /cpsess1/webmail/jupiter/mail/dodelfwd.html?email=victim%40example.net&emaildest=t%40evil.example HTTP/1.1 200 ",
  " NEW victim@example.net:abc address=1.2.3.4,app=webmaild,method=handle_form_login ",
  " - ",
  " 200 ",
  "\t",
  " ",
];

/** Outsider text: pieces of genuine event lines, glued with random text; no quote, no line break. */
export const outsiderText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join("").replace(/["\n\r]/g, ""));

/** @type {Record<LogType, Array<(text: string) => string>>} genuine non-event lines with a slot */
const TEMPLATES = {
  login: [
    (name) =>
      `[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.60 - ${name} "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user name not found`,
    (name) =>
      `[2024-08-16 18:00:00 +0000] info [cpaneld] 192.0.2.60 - ${name} "POST /login/?login_only=1 HTTP/1.1" DEFERRED LOGIN cpaneld: security token missing`,
  ],
  access: [
    (text) =>
      `192.0.2.50 - - [08/16/2024:18:00:00 -0000] "GET /${text.replace(/ /g, "%20")} HTTP/1.1" 404 0 "-" "-" "-" "-" 2096`,
    (text) =>
      `192.0.2.50 - - [08/16/2024:18:00:00 -0000] "GET / HTTP/1.1" 200 0 "${text}" "${text}" "-" "-" 2096`,
    (text) =>
      `192.0.2.50 - cpuser [08/16/2024:18:00:00 -0000] "POST /cpsess1/frontend/jupiter/index.html HTTP/1.1" 200 0 "-" "${text}" "-" "-" 2083`,
  ],
  error: [
    (text) => `[2024-08-16 18:00:00 +0000] warn [cpsrvd] rejected login name ${text}`,
    (text) => `[2024-08-16 18:00:00 +0000] info [updatenow] ${text}`,
    (text) => `Use of uninitialized value ${text} at /usr/local/cpanel/Cpanel/X.pm line 42.`,
  ],
  session: [
    (text) =>
      `[2024-08-16 18:00:00 +0000] info [cpaneld] 192.0.2.4 PURGE ${text.replace(/ /g, "")}:abc logout`,
  ],
};

/** Every extra event kind, so that any recognised event counts as a forgery. */
const ALL_EXTRA = [
  "login",
  "forward_removed_recipient",
  "domain_forward_added",
  "filter_stored",
  "mailbox_created",
  "default_address_set",
];

/**
 * The line built from template `index` of `type` around `text` is not an event.
 * @param {LogType} type
 * @param {number} index
 * @param {string} text
 */
export function checkNoForgery(type, index, text) {
  const templates = TEMPLATES[type];
  const line = /** @type {(text: string) => string} */ (templates[index % templates.length])(text);
  const entry = parseLine(type, line);
  if (isInteresting(entry, { extraEvents: ALL_EXTRA })) {
    throw new Error(`forged ${entry.event} from outsider text: ${JSON.stringify({ line, entry })}`);
  }
}
