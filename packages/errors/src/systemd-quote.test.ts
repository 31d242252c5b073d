import { describe, expect, it } from "vitest";
import { hasControlCharacter, systemdQuote } from "./systemd-quote.js";

describe("systemdQuote", () => {
  it.each([
    ["/usr/bin/node", "/usr/bin/node"],
    ["100%.yml", "100%%.yml"],
    ["$HOME", "$$HOME"],
    ["/srv/my spoor", '"/srv/my spoor"'],
    ['a"b', '"a\\"b"'],
    ["a\\b", '"a\\\\b"'],
    ["a;b", '"a;b"'],
    ["", '""'],
  ])("writes %j as %s", (word, quoted) => {
    expect(systemdQuote(word)).toBe(quoted);
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
