import { describe, expect, it } from "vitest";
import { waitFor } from "./wait-for.js";

describe("waitFor", () => {
  it("resolves with the first value that is neither undefined nor false (0 and '' count)", async () => {
    let calls = 0;
    const value = await waitFor("the third call", () => (++calls < 3 ? undefined : 0), {
      intervalMs: 1,
    });
    expect({ value, calls }).toStrictEqual({ value: 0, calls: 3 });
    expect(await waitFor("an empty string", async () => "")).toBe("");
  });

  it("fails at the deadline naming what it waited for and what it saw last", async () => {
    let seen = 0;
    await expect(
      waitFor("the queue to drain", () => ++seen > 1e9, {
        timeoutMs: 50,
        intervalMs: 5,
        describe: () => `queue holds ${seen > 0 ? "entries" : "nothing"}`,
      }),
    ).rejects.toThrow(
      /^timed out after 50 ms waiting for the queue to drain \(queue holds entries\)$/,
    );
    expect(seen).toBeGreaterThan(1);
  });

  it("fails at once with the error a check throws", async () => {
    let calls = 0;
    await expect(
      waitFor("never", () => {
        calls += 1;
        throw new Error("probe broke");
      }),
    ).rejects.toThrow("probe broke");
    expect(calls).toBe(1);
  });
});
