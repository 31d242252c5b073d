// Seed inputs for the fuzz targets: the real v120 corpus lines of each log plus the
// interesting lines spoor exists to find (which the corpus, with no webmail traffic, lacks).
import { readFileSync } from "node:fs";

/** @typedef {"access" | "error" | "login" | "session"} LogType */

/** @type {readonly LogType[]} */
export const LOG_TYPES = ["access", "error", "login", "session"];

const TAIL = '0 "https://mail.example.com:2096/" "Mozilla/5.0" "s" "-" 2096';
const HOOK_DATA = {
  args: { domain: "", fwdopt: "fwd" },
  result: [{ forward: "thief@evil.example", email: "victim@example.net" }],
};

/** @type {Record<LogType, string[]>} */
const INTERESTING = {
  access: [
    `203.0.113.9 - victim%40example.net [08/16/2024:18:01:02 -0000] "POST /cpsess1/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 ${TAIL}`,
    `203.0.113.9 - victim%40example.net [08/16/2024:18:01:09 -0000] "GET /cpsess1/webmail/jupiter/mail/dodelfwd.html?email=victim%40example.net&emaildest=thief%40evil.example HTTP/1.1" 200 ${TAIL}`,
    `203.0.113.9 - victim%40example.net [08/16/2024:18:01:15 -0000] "GET /cpsess1/execute/Email/delete_forwarder?address=victim%40example.net&forwarder=thief%40evil.example HTTP/1.1" 200 ${TAIL}`,
    `2001:db8::1 - victim@example.net [08/16/2024:18:01:15 +0800] "POST /cpsess1/execute/Email/add_forwarder HTTP/1.1" 200`,
  ],
  login: [
    "[2024-08-16 18:05:01 +0000] info [webmaild] 203.0.113.7 - victim@example.net (possessor: owner1) - SUCCESS LOGIN webmaild",
    "[2016-04-18 13:08:27 -0400] info [cpsrvd] 10.1.5.19 - box@reseller.example (possessor: reseller) - SUCCESS LOGIN webmaild",
    '[2018-08-23 08:24:57 +0800] info [webmaild] 60.52.69.37 - box@hotel.example "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user password incorrect',
    '192.168.0.22 - user [07/15/2013:16:21:50 -0000] "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: user password incorrect',
  ],
  session: [
    "[2024-08-16 18:06:01 +0000] info [webmaild] 203.0.113.7 NEW victim@example.net:Xk1abcdefGHIJ address=203.0.113.7,app=webmaild,creator=victim@example.net,method=handle_form_login,path=form,possessed=0",
    "[2024-08-16 18:06:01 +0000] info [cpsrvd] 203.0.113.7 NEW victim%40example.net:Xk1abcdefGHIJ address=203.0.113.7,app=webmaild,creator=victim%40example.net,method=handle_form_login,path=form,possessed=0",
  ],
  error: [
    `[2024-08-16 18:10:00 +0000] info [spoor_forward_added] ${JSON.stringify(HOOK_DATA)}`,
    '[2024-08-16 18:01:20 +0000] info [spoor_forward_removed_recipient] {"event":"UAPI::Email::delete_forwarder","args":{"address":"victim@example.net","forwarder":"thief@example.org"},"result":null,"user":"owner"}',
    '[2024-08-16 18:01:20 +0000] info [spoor_filter_stored] {"args":{"account":"victim@example.net","filtername":"x","action1":"deliver","dest1":"thief@evil.example"},"user":"owner"}',
    '[2024-08-16 18:01:20 -0330] info [spoor_default_address_set] {"args":{"domain":"example.net","fwdopt":"fwd","fwdemail":"thief@evil.example"},"user":"owner"}',
  ],
};

/**
 * Lines of `type`: every real corpus line (bytes; a few are not UTF-8) and the interesting
 * samples. `corpusDir` is the repository's `fixtures/cpanel-v120` directory.
 * @param {LogType} type
 * @param {URL} corpusDir
 * @returns {Buffer[]}
 */
export function seedLines(type, corpusDir) {
  const bytes = readFileSync(new URL(`${type}_log`, corpusDir));
  /** @type {Buffer[]} */
  const lines = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    if (i > start) lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return [...lines, ...INTERESTING[type].map((line) => Buffer.from(line, "utf8"))];
}

/** The repository's real corpus directory, seen from this file. */
export const CORPUS_DIR = new URL("../../../fixtures/cpanel-v120/", import.meta.url);
