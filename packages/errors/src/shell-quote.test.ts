import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellQuote, shellWords } from "./shell-quote.js";

describe("shellQuote", () => {
  it("leaves plain path characters alone and quotes everything else", () => {
    expect(shellQuote("/var/lib/spoor/parsed")).toBe("/var/lib/spoor/parsed");
    expect(shellQuote("a,b:c@d%e+f=g-h_i.j")).toBe("a,b:c@d%e+f=g-h_i.j");
    expect(shellQuote("/tmp/a b")).toBe("'/tmp/a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("$(rm -rf /)")).toBe("'$(rm -rf /)'");
  });

  it("gives a POSIX shell back each word exactly", () => {
    const words = ["plain", "two words", "it's", "", "$HOME", "`id`", "a\nb", "*", "--x=;y"];
    const printed = spawnSync("/bin/sh", ["-c", `printf '%s\\0' ${shellWords(words)}`], {
      encoding: "utf8",
    });
    expect(printed.status).toBe(0);
    expect(printed.stdout.split("\0").slice(0, -1)).toEqual(words);
  });
});

describe("shellWords", () => {
  it("joins quoted words with spaces", () => {
    expect(shellWords(["systemctl", "enable", "--now", "spoor agent"])).toBe(
      "systemctl enable --now 'spoor agent'",
    );
    expect(shellWords([])).toBe("");
  });
});
