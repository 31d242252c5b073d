import { describe, expect, it } from "vitest";
import { rejectionOf, thrownBy } from "./rejection-of.js";

class PickyError extends Error {}

describe("rejectionOf", () => {
  it("returns the error of the expected class", async () => {
    const error = new PickyError("no");
    expect(await rejectionOf(Promise.reject(error), PickyError)).toBe(error);
  });

  it("fails for a promise that resolves, or rejects with another class", async () => {
    await expect(rejectionOf(Promise.resolve(1), PickyError)).rejects.toThrow(
      "expected a rejection with PickyError, but it resolved",
    );
    await expect(rejectionOf(Promise.reject(new TypeError("t")), PickyError)).rejects.toThrow(
      "expected a rejection with PickyError, got TypeError: t",
    );
  });
});

describe("thrownBy", () => {
  it("returns the error of the expected class", () => {
    const error = new PickyError("no");
    expect(
      thrownBy(() => {
        throw error;
      }, PickyError),
    ).toBe(error);
  });

  it("fails for a call that returns, or throws another class", () => {
    expect(() => thrownBy(() => 1, PickyError)).toThrow(
      "expected PickyError to be thrown, but it returned",
    );
    expect(() =>
      thrownBy(() => {
        throw new TypeError("t");
      }, PickyError),
    ).toThrow("expected PickyError to be thrown, got TypeError: t");
  });
});
