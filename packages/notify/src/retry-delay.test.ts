import { describe, expect, it } from "vitest";
import { retryDelay } from "./retry-delay.js";

const options = { baseMs: 5000, capMs: 900_000 };

describe("retryDelay", () => {
  it("doubles per failure between half and all of the ceiling, capped", () => {
    expect([1, 2, 3, 8, 9, 50].map((failures) => retryDelay(failures, options, () => 0))).toEqual([
      2500, 5000, 10_000, 320_000, 450_000, 450_000,
    ]);
    expect([1, 2, 3, 8, 9, 50].map((failures) => retryDelay(failures, options, () => 1))).toEqual([
      5000, 10_000, 20_000, 640_000, 900_000, 900_000,
    ]);
  });

  it("treats zero or negative failures as the first", () => {
    expect(retryDelay(0, options, () => 0.5)).toBe(3750);
  });
});
