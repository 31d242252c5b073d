import { ApiClientConfigError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";
import { SilentError, UsageError } from "@spoor/errors";
import { CheckpointError } from "@spoor/follower";
import { SpoolPermissionError } from "@spoor/spool";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.js";

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
