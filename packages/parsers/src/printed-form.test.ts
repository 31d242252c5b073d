import { describe, expect, it } from "vitest";
import { isInteresting } from "./is-interesting.js";
import { parseLine } from "./parse-line.js";

// The README's examples, byte for byte: `spoor parse` prints JSON.stringify(entry), so the key
// order is part of the output.
describe("printed entries (README examples)", () => {
  it("prints each example exactly as documented", () => {
    const examples: Array<[Parameters<typeof parseLine>[0], string, string, boolean]> = [
      [
        "access",
        '10.10.10.10 - rorymckinley%40blah.capefox.co [03/05/2019:10:38:37 -0000] "GET /cpsess9858418447/webmail/paper_lantern/mail/dodelfwd.html?email=rorymckinley%40blah.capefox.co&emaildest=rorymckinley%2bcpanel%40gmail.com HTTP/1.1" 200 0 "https://cp6.capefox.co:2096/" "Mozilla/5.0" "s" "-" 2096',
        '{"type":"access","event":"forward_removed","log_time":1551782317,"ip":"10.10.10.10","credential":"rorymckinley@blah.capefox.co","context":"mailbox","status":"success","forward_recipient":"rorymckinley+cpanel@gmail.com"}',
        true,
      ],
      [
        "login",
        "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - rorymckinley@blah.capefox.co (possessor: blahuser) - SUCCESS LOGIN webmaild",
        '{"type":"login","event":"login","log_time":1537372956,"ip":"10.10.10.10","credential":"rorymckinley@blah.capefox.co","status":"success","scope":"webmaild","possessor":"blahuser","context":"mailbox"}',
        true,
      ],
      [
        "error",
        '[2024-08-16 18:01:20 +0000] info [spoor_forward_removed_recipient] {"event":"UAPI::Email::delete_forwarder","args":{"address":"victim@example.net","forwarder":"thief@example.org"},"result":null,"user":"owner"}',
        '{"type":"error","event":"forward_removed_recipient","log_time":1723831280,"status":"success","context":"mailbox","email":"victim@example.net","forward_to":"thief@example.org"}',
        false,
      ],
      [
        "access",
        '192.0.2.1 proxy - [08/16/2024:17:40:58 -0000] "GET /.well-known/acme-challenge/x HTTP/1.1" 200 0 "-" "-" "-" "X-Forwarded-For: 192.0.2.1" 443',
        '{"type":"access","event":"unrecognised","log_time":1723830058,"ip":"192.0.2.1","credential":"-","context":"unrecognised","status":"success"}',
        false,
      ],
    ];
    for (const [type, line, printed, interesting] of examples) {
      const entry = parseLine(type, line);
      expect(JSON.stringify(entry)).toBe(printed);
      expect(isInteresting(entry)).toBe(interesting);
    }
  });
});
