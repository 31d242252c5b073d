import { describe, expect, it } from "vitest";
import { hasControlCharacter, systemdQuote } from "./systemd-quote.js";

describe("systemdQuote", () => {
  it("leaves a plain word alone and escapes specifiers and variables", () => {
    expect(systemdQuote("/usr/bin/node")).toBe("/usr/bin/node");
    expect(systemdQuote("100%.yml")).toBe("100%%.yml");
    expect(systemdQuote("$HOME")).toBe("$$HOME");
  });

  it("double-quotes a word with spaces, quotes, ; or backslashes", () => {
    expect(systemdQuote("/srv/my spoor")).toBe('"/srv/my spoor"');
    expect(systemdQuote('a"b')).toBe('"a\\"b"');
    expect(systemdQuote("a\\b")).toBe('"a\\\\b"');
    expect(systemdQuote("a;b")).toBe('"a;b"');
    expect(systemdQuote("")).toBe('""');
  });

  it("refuses a control character", () => {
    expect(() => systemdQuote("a\nb")).toThrow("a unit file cannot hold");
    expect(hasControlCharacter("tab\there")).toBe(true);
    expect(hasControlCharacter("del\u007f")).toBe(true);
    expect(hasControlCharacter("plain é")).toBe(false);
  });
});
