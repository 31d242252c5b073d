import { describe, expect, it } from "vitest";
import { captureLogger } from "../test/helpers/capture-logger.js";
import { createApiGate } from "./api-gate.js";

describe("createApiGate", () => {
  it("passes everyone while the API is up", async () => {
    const { logger } = captureLogger();
    const gate = createApiGate({ logger });
    const signal = new AbortController().signal;
    const tickets = await Promise.all([gate.acquire(signal), gate.acquire(signal)]);
    expect(tickets).toEqual([{ probe: false }, { probe: false }]);
  });

  it("pauses after a failure, then lets one probe at a time through, and recovers", async () => {
    let clock = 1000;
    const captured = captureLogger("debug");
    const gate = createApiGate({
      logger: captured.logger,
      baseMs: 1000,
      capMs: 8000,
      random: () => 0.5,
      now: () => clock,
    });
    const signal = new AbortController().signal;
    gate.failed({ probe: false }, { reason: "HTTP 503", status: 503 });
    expect(gate.isDown()).toBe(true);
    const first = gate.acquire(signal);
    const second = gate.acquire(signal);
    clock += 500; // the 500 ms pause (0.5 × 1000) has passed; the waiters' timers fire
    expect(await first).toEqual({ probe: true });
    let secondSettled = false;
    void second.then(() => {
      secondSettled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondSettled).toBe(false); // one probe at a time
    gate.failed({ probe: true }, { reason: "HTTP 503", status: 503, retryAfterMs: 3000 });
    clock += 3000; // Retry-After (3000) beats the backoff (0.5 × 2000)
    expect(await second).toEqual({ probe: true });
    gate.succeeded({ probe: true });
    expect(gate.isDown()).toBe(false);
    expect(await gate.acquire(signal)).toEqual({ probe: false });
    expect(captured.lines().map(({ time, ...rest }) => rest)).toEqual([
      {
        level: "warn",
        msg: "API unavailable, retrying in 0.5s",
        reason: "HTTP 503",
        status: 503,
        retryInMs: 500,
        attempt: 0,
      },
      {
        level: "debug",
        msg: "API still unavailable",
        reason: "HTTP 503",
        status: 503,
        retryAfterMs: 3000,
        retryInMs: 3000,
        attempt: 1,
      },
      { level: "info", msg: "API recovered", downForMs: 3500, failedProbes: 1 },
    ]);
  });

  it("returns undefined to waiters when the signal aborts", async () => {
    const { logger } = captureLogger();
    const gate = createApiGate({ logger, baseMs: 60_000, capMs: 60_000, random: () => 0.9 });
    const controller = new AbortController();
    gate.failed({ probe: false }, { reason: "timeout" });
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
  });
});
