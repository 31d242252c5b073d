import { describe, expect, it } from "vitest";
import { A, E, hookData, L } from "../test/samples.js";
import { scan } from "../test/scan-reference.js";
import { decodeLine } from "./decode-line.js";
import type { LogType } from "./entry.js";
import { parseLine } from "./parse-line.js";

const TEN_MB = 10 * 1024 * 1024;
const TYPES: readonly LogType[] = ["access", "error", "login", "session"];

describe("hostile input", () => {
  it("a 10 MB line of one character, or of repeated line fragments, is unrecognised for every log", () => {
    const lines = [
      "a".repeat(TEN_MB),
      " [".repeat(TEN_MB / 2),
      `1.2.3.4 - u${' [10/15/2018:17:47:27 -0000] "x'.repeat(TEN_MB / 32)}`,
      `[2024-08-16 17:55:48 +0000] info [a] 1.2.3.4 - u${' "x" FAILED b'.repeat(TEN_MB / 13)}`,
      `1.2.3.4 - ${"- [".repeat(TEN_MB / 3)}`,
      `[2024-08-16 17:55:48 +0000] info [spoor_forward_added] {${"[".repeat(TEN_MB)}}`,
      `[2024-08-16 17:55:48 +0000] info [webmaild] 1.2.3.4 NEW a@b:${"method=handle_form_login,".repeat(TEN_MB / 25)}`,
    ];
    for (const line of lines) {
      for (const type of TYPES) {
        const entry = parseLine(type, line);
        expect(entry.type).toBe(type);
        expect(entry.event).toBe("unrecognised");
      }
    }
  });

  it("a real event padded to 10 MB is still read", () => {
    const longPath = `/x${"a".repeat(TEN_MB)}/mail/doaddfwd.html`;
    const access = A.A1.replace(
      "/cpsess0248462691/webmail/paper_lantern/mail/doaddfwd.html",
      longPath,
    );
    expect(parseLine("access", access).event).toBe("forward_added_partial_ip");
    const data = hookData({ failmsgs: "x".repeat(TEN_MB) });
    const error = `[2019-02-10 10:24:17 +0000] info [spoor_forward_added] ${JSON.stringify(data)}`;
    expect(parseLine("error", error)).toStrictEqual(parseLine("error", E.E1));
    const login = L.L6.replace("access denied", "x".repeat(TEN_MB));
    expect(parseLine("login", login).status).toBe("failed");
  });

  it("invalid UTF-8 decodes to U+FFFD and parses without throwing", () => {
    const bytes = Buffer.concat([
      Buffer.from("10.10.10.10 - caf"),
      Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]),
      Buffer.from(
        '%40example.net [10/15/2018:17:47:27 -0000] "POST /x/mail/doaddfwd.html HTTP/1.1" 200\n',
      ),
    ]);
    const line = decodeLine(bytes, 0, bytes.length - 1);
    expect(parseLine("access", line)).toStrictEqual({
      type: "access",
      event: "forward_added_partial_ip",
      log_time: 1539625647,
      ip: "10.10.10.10",
      credential: "caf\ufffd(\ufffd\ufffd\ufffd\ufffd@example.net",
      context: "mailbox",
      status: "success",
    });
    expect(scan("access", bytes, 0, bytes.length).found.map((f) => f.entry)).toStrictEqual([
      parseLine("access", line),
    ]);
  });

  it("binary garbage and control characters give exactly {type, event: unrecognised}", () => {
    const garbage = Buffer.alloc(4096);
    for (let index = 0; index < garbage.length; index += 1)
      garbage[index] = (index * 131 + 7) % 256;
    const text = garbage.toString("latin1").replaceAll("\n", "");
    for (const type of TYPES) {
      for (const line of [text, "\u0000", "\r", "\r\n", "\n", "\u2028\u2029\ufeff", "\ud800"]) {
        expect(parseLine(type, line)).toStrictEqual({ type, event: "unrecognised" });
      }
    }
  });

  it("a non-string reaching a parser from JavaScript gives unrecognised", () => {
    for (const type of TYPES) {
      expect(parseLine(type, undefined as unknown as string)).toStrictEqual({
        type,
        event: "unrecognised",
      });
    }
  });
});
