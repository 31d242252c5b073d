import { describe, expect, it } from "vitest";
import { isSilentError, SilentError } from "./silent-error.js";
import { isUsageError, UsageError } from "./usage-error.js";
import { isUserFacingError, UserFacingError } from "./user-facing-error.js";

class DiskError extends UserFacingError {
  constructor(readonly path: string) {
    super(`${path} is full.`, `free space on ${path}`);
    this.name = "DiskError";
  }
}
class OtherError extends UserFacingError {}

describe("UserFacingError", () => {
  it("joins problem and fix in its message and keeps them apart as fields", () => {
    const error = new UserFacingError("The thing is wrong.", "fix-it", { cause: "why" });
    expect([error.message, error.problem, error.fix, error.name, error.cause]).toEqual([
      "The thing is wrong. Fix: fix-it",
      "The thing is wrong.",
      "fix-it",
      "UserFacingError",
      "why",
    ]);
    const bare = new UserFacingError("No fix.");
    expect([bare.message, bare.fix]).toEqual(["No fix.", undefined]);
  });

  it("is recognised through subclasses, by the mark and by instanceof", () => {
    const error = new DiskError("/var");
    expect([isUserFacingError(error), error instanceof UserFacingError]).toEqual([true, true]);
    expect([error instanceof DiskError, error instanceof OtherError]).toEqual([true, false]);
    expect(error instanceof Error).toBe(true);
  });

  it("is not claimed by plain errors, look-alikes or non-objects", () => {
    for (const value of [
      new Error("x"),
      Object.assign(new Error("x"), { problem: "x", fix: "y" }),
      "text",
      undefined,
      null,
      42,
    ]) {
      expect([isUserFacingError(value), value instanceof UserFacingError]).toEqual([false, false]);
    }
  });

  it("does not throw on an object whose getters throw", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    expect([isUserFacingError(hostile), isUsageError(hostile), isSilentError(hostile)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("UsageError and SilentError", () => {
  it("carry their exit codes and marks, and are not user-facing", () => {
    const usage = new UsageError("bad flag");
    const silent = new SilentError(130);
    expect([usage.exitCode, usage.name, usage.message]).toEqual([2, "UsageError", "bad flag"]);
    expect([silent.exitCode, silent.name, silent.message]).toEqual([
      130,
      "SilentError",
      "exit 130",
    ]);
    expect([isUsageError(usage), usage instanceof UsageError, isUserFacingError(usage)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isSilentError(silent), silent instanceof SilentError, isUsageError(silent)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
