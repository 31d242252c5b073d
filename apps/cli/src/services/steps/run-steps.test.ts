import { describe, expect, it } from "vitest";
import { runSteps } from "./run-steps.js";

describe("runSteps", () => {
  it("runs commands in order without a shell and stops at the first failure", async () => {
    const steps = [
      { purpose: "one", argv: ["sh", "-c", "echo first; echo warn >&2"] },
      { purpose: "two", argv: ["sh", "-c", "echo broken; exit 3"] },
      { purpose: "three", argv: ["true"] },
    ];
    expect(await runSteps(steps)).toEqual([
      { step: steps[0], exitCode: 0, output: "first\nwarn" },
      { step: steps[1], exitCode: 3, output: "broken" },
    ]);
  });

  it("reports a command that does not exist", async () => {
    const step = { purpose: "missing", argv: ["/nonexistent/spoor-test-tool", "a b"] };
    expect(await runSteps([step])).toEqual([
      { step, exitCode: null, output: "", error: "/nonexistent/spoor-test-tool: not found" },
    ]);
  });
});
