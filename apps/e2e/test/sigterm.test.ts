import { stat } from "node:fs/promises";
import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { settleDelivery } from "./harness/delivery.js";
import { expectExactlyDelivered } from "./harness/expect-delivered.js";
import { mailboxEvents } from "./harness/log-lines.js";
import { writeTraffic } from "./harness/log-writer.js";
import { startStack } from "./harness/stack.js";

const defer = useCleanups();
const CONCURRENCY = 4;

describe("SIGTERM", () => {
  it("exits 0 within 5 s mid-traffic with checkpoints written; a restart neither loses nor re-sends", async () => {
    const stack = await startStack({
      followers: ["access", "login"],
      reporter: "sigterm-e2e",
      transmission: { concurrency: CONCURRENCY },
    });
    defer(() => stack.close());
    const logPath = (type: "access" | "login" | "error" | "session") => stack.root.logPath(type);
    const before = mailboxEvents("term", 150);
    await writeTraffic(logPath, before, { burst: 10 });
    await settleDelivery(stack.receiver, stack.reporter, before, stack.root);

    // More traffic; SIGTERM arrives while it is being read, spooled and sent.
    const during = mailboxEvents("term", 300, 150);
    const first = stack.agent;
    let stoppedIn = 0;
    let exit: unknown;
    let requestsAtStop = 0;
    await writeTraffic(logPath, during, {
      burst: 10,
      between: async (written) => {
        if (written === 150) {
          await waitFor(
            "some of the new traffic sent",
            () =>
              stack.proxy.requests().some((r) => r.addresses.some((a) => a.startsWith("term-2"))),
            { timeoutMs: 60_000 },
          );
          const started = Date.now();
          first.child.kill("SIGTERM");
          exit = await first.exited;
          stoppedIn = Date.now() - started;
          requestsAtStop = stack.proxy.requests().length;
        }
      },
    });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stoppedIn).toBeLessThan(5000);
    expect(first.logLines().at(-1)).toMatchObject({ msg: "agent stopped" });
    for (const type of stack.followers) {
      const checkpoint = await stack.root.checkpoint(type);
      const { size } = await stat(logPath(type));
      expect(checkpoint?.offset).toBeGreaterThan(0);
      expect(checkpoint!.offset).toBeLessThanOrEqual(size);
    }

    // Keys the receiver had acknowledged before the stop, and how many of them come again.
    const acknowledged = new Set(
      stack.proxy
        .requests()
        .slice(0, requestsAtStop)
        .filter((r) => r.upstreamStatus === 202)
        .map((r) => r.idempotencyKey),
    );
    await stack.restartAgent();
    const all = [...before, ...during];
    await expectExactlyDelivered(stack, all);
    const resent = stack.proxy
      .requests()
      .slice(requestsAtStop)
      .filter((r) => acknowledged.has(r.idempotencyKey)).length;
    // Only requests abandoned in flight at the stop may come again (under the same key).
    expect(resent).toBeLessThanOrEqual(CONCURRENCY);
    expect(await stack.agent.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  });
});
