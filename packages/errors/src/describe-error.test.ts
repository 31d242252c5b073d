import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.js";
import { SilentError } from "./silent-error.js";
import { UsageError } from "./usage-error.js";
import { UserFacingError } from "./user-facing-error.js";

class ThingError extends UserFacingError {
  constructor() {
    super("The thing is wrong.", "fix-it --now");
    this.name = "ThingError";
  }
}

describe("describeError", () => {
  it("prints a user-facing error's problem and fix, exit 1; the line is its message", () => {
    const withFix = describeError(new ThingError(), { version: "1.2.3" });
    const withoutFix = describeError(new UserFacingError("No fix known."));
    expect([withFix, withoutFix]).toEqual([
      {
        kind: "user",
        text: "Error: The thing is wrong.\nFix: fix-it --now\n",
        line: "The thing is wrong. Fix: fix-it --now",
        exitCode: 1,
      },
      { kind: "user", text: "Error: No fix known.\n", line: "No fix known.", exitCode: 1 },
    ]);
  });

  it("prints a usage error on one line, exit 2", () => {
    expect(describeError(new UsageError("bad\n  input"))).toEqual({
      kind: "usage",
      text: "Error: bad input\n",
      line: "bad input",
      exitCode: 2,
    });
  });

  it("prints nothing for a silent error and exits with its code", () => {
    expect(describeError(new SilentError(130))).toEqual({
      kind: "silent",
      text: "",
      line: "",
      exitCode: 130,
    });
  });

  it("prints a bug's stack and where to report it, exit 1", () => {
    const bug = new TypeError("x is not a function");
    expect(
      describeError(bug, { version: "1.2.3", bugsUrl: "https://example.test/issues" }),
    ).toEqual({
      kind: "bug",
      text: `${bug.stack}\n\nThis is a bug in spoor 1.2.3 (Node ${process.version}). Please report it at https://example.test/issues, with the command you ran and the output above.\n`,
      line: "TypeError: x is not a function",
      exitCode: 1,
    });
    const thrown = describeError("thrown string", { program: "@spoor/plugin-spool" });
    expect([thrown.kind, thrown.line]).toEqual(["bug", "thrown string"]);
    expect(thrown.text).toBe(
      `thrown string\n\nThis is a bug in @spoor/plugin-spool (Node ${process.version}). Please report it to the spoor maintainers, with the command you ran and the output above.\n`,
    );
  });

  it("takes the program's own exit codes for each kind", () => {
    const exitCodes = { user: 78, usage: 64, bug: 70 };
    expect(describeError(new ThingError(), { exitCodes }).exitCode).toBe(78);
    expect(describeError(new UsageError("no"), { exitCodes }).exitCode).toBe(64);
    expect(describeError(new Error("boom"), { exitCodes }).exitCode).toBe(70);
    expect(describeError(new SilentError(3), { exitCodes }).exitCode).toBe(3);
  });

  it("does not take an error that only looks user-facing for one", () => {
    const lookalike = Object.assign(new Error("has a fix"), { problem: "p", fix: "f" });
    expect(describeError(lookalike).kind).toBe("bug");
    expect(describeError({ exitCode: 0 }).kind).toBe("bug");
    expect(describeError(null).line).toBe("null");
  });
});
