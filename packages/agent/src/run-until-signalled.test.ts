import { EventEmitter } from "node:events";
import { ApiClientConfigError } from "@spoor/api-client";
import { ConfigError } from "@spoor/config";
import { CheckpointError } from "@spoor/follower";
import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { captureLogger } from "../test/helpers/capture-logger.js";
import { runUntilSignalled, type SignalHost } from "./run-until-signalled.js";

class FakeProcess extends EventEmitter implements SignalHost {
  codes: number[] = [];
  exit(code: number): void {
    this.codes.push(code);
  }
}

const withoutTime = (lines: Array<Record<string, unknown>>) =>
  lines.map(({ time, ...rest }) => rest);

describe("runUntilSignalled", () => {
  it("aborts the signal on SIGTERM and exits 0 once run resolves", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    let seen: AbortSignal | undefined;
    const done = runUntilSignalled(
      (signal) => {
        seen = signal;
        return new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
      },
      { logger: captured.logger, host },
    );
    host.emit("SIGTERM", "SIGTERM");
    await done;
    expect(seen?.aborted).toBe(true);
    expect(host.codes).toEqual([0]);
    expect(host.listenerCount("SIGTERM") + host.listenerCount("SIGINT")).toBe(0);
    expect(withoutTime(captured.lines())).toEqual([
      { level: "info", msg: "shutting down", signal: "SIGTERM", timeoutMs: 5000 },
    ]);
  });

  it("forces exit 1 on a second signal", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    void runUntilSignalled(() => new Promise(() => {}), { logger: captured.logger, host });
    host.emit("SIGINT", "SIGINT");
    host.emit("SIGTERM", "SIGTERM");
    expect(host.codes).toEqual([1]);
    expect(captured.messages()).toEqual([
      "shutting down",
      "second signal during shutdown, forcing exit",
    ]);
  });

  it("forces exit 1 when run outlives the timeout", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    void runUntilSignalled(() => new Promise(() => {}), {
      logger: captured.logger,
      host,
      timeoutMs: 50,
    });
    host.emit("SIGTERM", "SIGTERM");
    await waitFor("forced exit", () => host.codes.length > 0);
    expect(host.codes).toEqual([1]);
    expect(captured.messages()).toEqual(["shutting down", "shutdown timed out, forcing exit"]);
  });

  it("exits 78 with the message and fix for a user-fixable error", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    await runUntilSignalled(
      async () => {
        throw new ConfigError({
          path: "/etc/spoor/spoor.yml",
          problem: "transmission.host is missing.",
          fix: "add transmission.host to /etc/spoor/spoor.yml",
        });
      },
      { logger: captured.logger, host },
    );
    expect(host.codes).toEqual([78]);
    expect(withoutTime(captured.lines())).toEqual([
      {
        level: "error",
        msg: "transmission.host is missing. Fix: add transmission.host to /etc/spoor/spoor.yml",
        error: "ConfigError",
        exitCode: 78,
      },
    ]);
  });

  it("exits 78 for the other packages' user-fixable errors too, with the same one line", async () => {
    const errors = [
      new ApiClientConfigError("host", "the API host must use https, not ftp:", "use https"),
      new CheckpointError("/var/lib/spoor/state/a.checkpoint.json", "bad-json", "remove it"),
    ];
    const messages = [];
    for (const error of errors) {
      const host = new FakeProcess();
      const captured = captureLogger();
      await runUntilSignalled(
        async () => {
          throw error;
        },
        { logger: captured.logger, host },
      );
      expect(host.codes).toEqual([78]);
      messages.push(...captured.messages());
    }
    expect(messages).toEqual([
      "the API host must use https, not ftp: Fix: use https",
      "checkpoint /var/lib/spoor/state/a.checkpoint.json: bad json Fix: remove it",
    ]);
  });

  it("does not take an error that merely has a `fix` field for a user-fixable one", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    await runUntilSignalled(
      async () => {
        throw Object.assign(new Error("odd"), { fix: "nothing" });
      },
      { logger: captured.logger, host },
    );
    expect(host.codes).toEqual([1]);
  });

  it("exits 1 with name and message (no stack) for any other error", async () => {
    const host = new FakeProcess();
    const captured = captureLogger();
    await runUntilSignalled(
      async () => {
        throw new TypeError("boom");
      },
      { logger: captured.logger, host },
    );
    expect(host.codes).toEqual([1]);
    expect(withoutTime(captured.lines())).toEqual([
      {
        level: "error",
        msg: "stopped by an unexpected error",
        error: { name: "TypeError", message: "boom" },
        exitCode: 1,
      },
    ]);
  });
});
