import { describe, expect, it } from "vitest";
import { CleanupStack } from "./cleanup-stack.js";

describe("CleanupStack", () => {
  it("runs the cleanups newest first, once", async () => {
    const order: string[] = [];
    const stack = new CleanupStack();
    stack.push(
      () => order.push("a"),
      async () => order.push("b"),
    );
    stack.push(() => order.push("c"));
    await stack.run();
    await stack.run();
    expect(order).toEqual(["c", "b", "a"]);
  });

  it("runs every cleanup when one throws, then throws the first error", async () => {
    const order: string[] = [];
    const stack = new CleanupStack();
    stack.push(
      () => order.push("a"),
      () => {
        throw new Error("second failed");
      },
      async () => {
        throw new Error("third failed");
      },
    );
    await expect(stack.run()).rejects.toThrow("third failed");
    expect(order).toEqual(["a"]);
  });
});
