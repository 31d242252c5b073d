import { ApiClientConfigError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";
import { SilentError, UsageError } from "@spoor/errors";
import { CheckpointError } from "@spoor/follower";
import { SpoolPermissionError } from "@spoor/spool";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.js";
import { describePermissionDenied } from "./permission-denied.js";

const context = { version: "1.2.3" };

describe("describeError", () => {
  it("prints a user-facing error's problem and fix, exit 1", () => {
    expect(
      describeError(new UserFacingError("The thing is wrong.", "fix-it --now"), context),
    ).toEqual({
      text: "Error: The thing is wrong.\nFix: fix-it --now\n",
      exitCode: 1,
    });
    expect(describeError(new UserFacingError("No fix known."), context)).toEqual({
      text: "Error: No fix known.\n",
      exitCode: 1,
    });
  });

  it("treats the spool's, the API client's and the follower's user-fixable errors as user-facing", () => {
    expect(
      describeError(new SpoolPermissionError("/s", "/s has mode 0755.", "chmod 0700 /s"), context),
    ).toEqual({
      text: "Error: /s has mode 0755.\nFix: chmod 0700 /s\n",
      exitCode: 1,
    });
    expect(
      describeError(
        new ApiClientConfigError("host", "plain http to a remote host", "use https"),
        context,
      ),
    ).toEqual({ text: "Error: plain http to a remote host\nFix: use https\n", exitCode: 1 });
    expect(
      describeError(new CheckpointError("/s/a.checkpoint.json", "bad-json", "remove it"), context),
    ).toEqual({
      text: "Error: checkpoint /s/a.checkpoint.json: bad json\nFix: remove it\n",
      exitCode: 1,
    });
  });

  it("treats EACCES, EPERM and EROFS as user-fixable: the path and the fix, no stack", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/etc/spoor/x'"), {
      code: "EACCES",
      path: "/etc/spoor/x",
      syscall: "open",
    });
    expect(describePermissionDenied(denied, 1000)).toEqual({
      problem: "permission denied: /etc/spoor/x (open), EACCES.",
      fix: "run it as root (e.g. with sudo), or pass --root DIR to use a directory you own",
    });
    expect(describePermissionDenied(denied, 0)?.fix).toBe(
      "check the permissions of /etc/spoor/x and its parent directories (an immutable attribute, a mount option or a security module may refuse root)",
    );
    const readOnly = Object.assign(new Error("EROFS"), { code: "EROFS", path: "/usr/x" });
    expect(describePermissionDenied(readOnly, 0)?.problem).toBe(
      "/usr/x is on a read-only file system.",
    );
    expect(describeError(denied, context)?.text).toMatch(
      /^Error: permission denied: [^\n]*\nFix: [^\n]*\n$/,
    );
    expect(describePermissionDenied(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe(
      undefined,
    );
  });

  it("prints a usage error on one line, exit 2", () => {
    expect(describeError(new UsageError("bad\n  input"), context)).toEqual({
      text: "Error: bad input\n",
      exitCode: 2,
    });
  });

  it("prints nothing for a silent error", () => {
    expect(describeError(new SilentError(0), context)).toEqual({ text: "", exitCode: 0 });
  });

  it("prints a bug's stack and where to report it, exit 1", () => {
    const bug = new TypeError("x is not a function");
    const report = describeError(bug, { version: "1.2.3", bugsUrl: "https://example.test/issues" });
    expect(report).toEqual({
      text: `${bug.stack}\n\nThis is a bug in spoor 1.2.3 (Node ${process.version}). Please report it at https://example.test/issues, with the command you ran and the output above.\n`,
      exitCode: 1,
    });
    expect(describeError("thrown string", context)?.text).toMatch(
      /^thrown string\n\nThis is a bug in spoor 1\.2\.3 .*to the spoor maintainers/,
    );
  });

  it("leaves oclif's own errors to oclif", () => {
    const parseError = Object.assign(new Error("Missing 1 required arg"), { oclif: { exit: 2 } });
    expect(describeError(parseError, context)).toBeUndefined();
  });
});
