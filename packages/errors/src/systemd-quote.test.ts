import { describe, expect, it } from "vitest";
import { hasControlCharacter, systemdQuote } from "./systemd-quote.js";

describe("systemdQuote", () => {
  it("leaves a plain word alone, escapes % and $, and double-quotes whitespace, quotes, ; and \\", () => {
    const words = ["/usr/bin/node", "100%.yml", "$HOME", "/srv/my spoor", 'a"b', "a\\b", "a;b", ""];
    expect(Object.fromEntries(words.map((word) => [word, systemdQuote(word)]))).toEqual({
      "/usr/bin/node": "/usr/bin/node",
      "100%.yml": "100%%.yml",
      $HOME: "$$HOME",
      "/srv/my spoor": '"/srv/my spoor"',
      'a"b': '"a\\"b"',
      "a\\b": '"a\\\\b"',
      "a;b": '"a;b"',
      "": '""',
    });
  });

  it("refuses a control character, which no unit file line can carry", () => {
    expect(() => systemdQuote("a\nb")).toThrow("a unit file cannot hold");
    expect([hasControlCharacter("tab\there"), hasControlCharacter("del\u007f")]).toEqual([
      true,
      true,
    ]);
    expect(hasControlCharacter("plain é")).toBe(false);
  });
});
