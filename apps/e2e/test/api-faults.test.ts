import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { settleDelivery } from "./harness/delivery.js";
import { expectExactlyDelivered } from "./harness/expect-delivered.js";
import type { FaultMode } from "./harness/fault-proxy.js";
import { type MailboxEvent, mailboxEvents } from "./harness/log-lines.js";
import { writeTraffic } from "./harness/log-writer.js";
import { startStack } from "./harness/stack.js";

const defer = useCleanups();
const CONCURRENCY = 4;

/** The reason the agent logs for each kind of outage. */
const REASONS: Record<Exclude<FaultMode, "pass">, unknown> = {
  "503": "HTTP 503",
  refuse: "ECONNREFUSED",
  reset: "ECONNRESET",
  hang: "timeout",
  "lose-response": "ECONNRESET",
};

describe("the API down while the agent runs", () => {
  it("keeps every event through 503s, refused and reset connections, a hanging server and lost answers, with backoff, and recovers without a restart", async () => {
    const stack = await startStack({
      followers: ["access", "login"],
      reporter: "faults-e2e",
      transmission: { timeout_ms: 1500, concurrency: CONCURRENCY },
      env: { SPOOR_LOG_LEVEL: "debug" },
    });
    defer(() => stack.close());
    const agent = stack.agent;
    const sent: MailboxEvent[] = [];
    const seen: Array<Record<string, unknown>> = [];
    const probesSince = (mark: number) =>
      agent
        .logLines()
        .slice(mark)
        .filter((l) => l.msg === "API still unavailable");
    for (const [index, mode] of (
      Object.keys(REASONS) as Array<Exclude<FaultMode, "pass">>
    ).entries()) {
      const mark = agent.logLines().length;
      const requestMark = stack.proxy.requests().length;
      await stack.proxy.setMode(mode);
      const events = mailboxEvents(`fault${index}`, 30, index * 100);
      await writeTraffic((type) => stack.root.logPath(type), events, { burst: 3 });
      sent.push(...events);
      const warn = await agent.waitForLog(
        `the outage (${mode}) noticed`,
        (l) => String(l.msg).startsWith("API unavailable, retrying in"),
        { after: mark },
      );
      // Held down for two failed probes: the backoff goes on, one probe at a time.
      await waitFor(`two failed probes during ${mode}`, () => probesSince(mark).length >= 2, {
        timeoutMs: 60_000,
      });
      const probes = probesSince(mark);
      const inMode = stack.proxy
        .requests()
        .slice(requestMark)
        .filter((r) => r.mode === mode).length;
      seen.push({
        mode,
        reason: warn.reason,
        attempts: [warn.attempt, probes[0]!.attempt, probes[1]!.attempt],
        backoff: [warn, ...probes].every(
          (l) => typeof l.retryInMs === "number" && l.retryInMs >= 0,
        ),
        // At most the requests in flight when it went down, then one per probe (the proxy
        // cannot count refused connections).
        notHammered: mode === "refuse" || inMode <= CONCURRENCY + probes.length + 1,
      });
      await stack.proxy.setMode("pass");
      await settleDelivery(stack.receiver, stack.reporter, sent, stack.root);
      await agent.waitForLog(`recovery after ${mode}`, (l) => l.msg === "API recovered", {
        after: mark,
      });
    }
    expect(seen).toEqual(
      Object.entries(REASONS).map(([mode, reason]) => ({
        mode,
        reason,
        attempts: [0, 1, 2],
        backoff: true,
        notHammered: true,
      })),
    );
    const delivered = await expectExactlyDelivered(stack, sent);
    // The answers lost after the receiver stored them came back as repeated keys, collapsed.
    expect(delivered.stats.duplicates_collapsed).toBeGreaterThan(0);
    expect(stack.agents).toEqual([agent]);
    expect(agent.isRunning()).toBe(true);
  });
});
