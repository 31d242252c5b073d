import { describe, expect, it } from "vitest";
import { createSemaphore } from "./semaphore.js";

describe("createSemaphore", () => {
  it("grants up to its permits, then first come first served on release", async () => {
    const semaphore = createSemaphore(2);
    const signal = new AbortController().signal;
    const order: string[] = [];
    expect(await semaphore.acquire(signal)).toBe(true);
    expect(await semaphore.acquire(signal)).toBe(true);
    const third = semaphore.acquire(signal).then((ok) => order.push(`third:${ok}`));
    const fourth = semaphore.acquire(signal).then((ok) => order.push(`fourth:${ok}`));
    semaphore.release();
    await third;
    expect(order).toEqual(["third:true"]);
    semaphore.release();
    await fourth;
    expect(order).toEqual(["third:true", "fourth:true"]);
  });

  it("gives up a wait when the signal aborts, without losing the permit", async () => {
    const semaphore = createSemaphore(1);
    const controller = new AbortController();
    expect(await semaphore.acquire(controller.signal)).toBe(true);
    const waiting = semaphore.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    semaphore.release();
    expect(await semaphore.acquire(new AbortController().signal)).toBe(true);
    expect(await semaphore.acquire(controller.signal)).toBe(false);
  });
});
