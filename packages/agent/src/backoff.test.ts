import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

describe("backoffDelay", () => {
  it("grows the ceiling exponentially up to the cap (full jitter scales it)", () => {
    const top = { baseMs: 100, capMs: 1000, random: () => 0.999999 };
    expect([0, 1, 2, 3, 4, 10, 1000].map((a) => backoffDelay(a, top))).toEqual([
      99, 199, 399, 799, 999, 999, 999,
    ]);
  });

  it("spreads delays over the whole window", () => {
    const half = { baseMs: 100, capMs: 1000, random: () => 0.5 };
    const zero = { baseMs: 100, capMs: 1000, random: () => 0 };
    expect([backoffDelay(2, half), backoffDelay(2, zero), backoffDelay(-3, half)]).toEqual([
      200, 0, 50,
    ]);
  });
});
