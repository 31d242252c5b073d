import { stat } from "node:fs/promises";
import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { expectExactlyDelivered } from "./harness/expect-delivered.js";
import { mailboxEvents } from "./harness/log-lines.js";
import { seededRandom, writeTraffic } from "./harness/log-writer.js";
import { startStack } from "./harness/stack.js";

const defer = useCleanups();

describe("kill -9 of the agent during sustained traffic", () => {
  it("delivers every event exactly once per idempotency key across 5 kills", async () => {
    const seed = Number(process.env.E2E_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const stack = await startStack({ followers: ["access", "login"], reporter: "kill-e2e" });
    defer(() => stack.close());
    const events = mailboxEvents("kill", 900);
    // Five kill points at random places in the traffic, each at least 10% apart.
    const killAt = Array.from({ length: 5 }, (_, k) =>
      Math.floor(events.length * (0.08 + k * 0.17 + random() * 0.07)),
    );
    let restarting: Promise<void> | undefined;
    let kills = 0;
    const killAndRestart = async (): Promise<void> => {
      const outcome = await stack.agent.stop("SIGKILL");
      expect(outcome).toEqual({ code: null, signal: "SIGKILL" });
      kills += 1;
      await stack.restartAgent();
    };
    await writeTraffic((type) => stack.root.logPath(type), events, {
      burst: 5,
      background: 3,
      random,
      between: async (written) => {
        if (restarting === undefined && killAt.length > 0 && written >= killAt[0]!) {
          killAt.shift();
          // Not awaited: traffic keeps flowing while the agent is down and starting again.
          restarting = killAndRestart().finally(() => {
            restarting = undefined;
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 40 + random() * 40));
      },
    });
    while (restarting !== undefined || killAt.length > 0) {
      if (restarting === undefined)
        restarting = killAndRestart().finally(() => (restarting = undefined));
      await restarting;
    }
    expect({ kills, seed }).toEqual({ kills: 5, seed });

    // First the followers read both logs to their end (slow on a loaded machine: bounded
    // generously), so a shortfall below can only be events lost after they were read.
    for (const type of stack.followers) {
      const { size } = await stat(stack.root.logPath(type));
      let offset: number | undefined;
      await waitFor(
        `the ${type} checkpoint at the end of its log (${size} bytes)`,
        async () => {
          offset = (await stack.root.checkpoint(type))?.offset;
          return offset === size;
        },
        { timeoutMs: 240_000, intervalMs: 100, describe: () => `at ${offset ?? "none"}` },
      );
    }
    const delivered = await expectExactlyDelivered(stack, events, 120_000);
    expect(delivered.stats.mailbox_events).toBe(events.length);
    // Every byte of both logs is accounted for by a checkpoint at its end.
    for (const type of stack.followers) {
      const { size } = await stat(stack.root.logPath(type));
      expect(await stack.root.checkpoint(type)).toMatchObject({
        path: stack.root.logPath(type),
        offset: size,
      });
    }
    expect(stack.agent.isRunning()).toBe(true);
    expect(await stack.agent.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  }, 600_000); // five restarts and a full drain on a loaded 2-core machine
});
