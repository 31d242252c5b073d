import { open, rename, stat, truncate, unlink, writeFile } from "node:fs/promises";
import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { expectedReports, settleDelivery } from "./harness/delivery.js";
import { expectExactlyDelivered } from "./harness/expect-delivered.js";
import {
  accessEvents,
  corpusLines,
  hookForwardAdded,
  type MailboxEvent,
} from "./harness/log-lines.js";
import { appendLines } from "./harness/log-writer.js";
import { type Stack, startStack } from "./harness/stack.js";

const defer = useCleanups();

async function accessStack(reporter: string): Promise<Stack> {
  const stack = await startStack({ followers: ["access"], reporter });
  defer(() => stack.close());
  return stack;
}

/** The events' lines, each followed by a real background line. (Each write starts with its own
 *  event line: a file truncated and rewritten with the same first bytes cannot be told apart.) */
function withBackground(events: readonly MailboxEvent[]): Array<string | Buffer> {
  const corpus = corpusLines("access");
  return events.flatMap((event, index) => [event.line, corpus[(index * 7) % corpus.length]!]);
}

/** Exactly `events` delivered, and the agent still running through what the test did. */
async function expectDeliveredWhileRunning(
  stack: Stack,
  events: readonly MailboxEvent[],
): Promise<void> {
  await expectExactlyDelivered(stack, events);
  expect(stack.agent.isRunning()).toBe(true);
}

describe("log rotation and truncation under the running agent", () => {
  it("drains a renamed log that is still written to, then reads the new one", async () => {
    const stack = await accessStack("rotate-e2e");
    const path = stack.root.logPath("access");
    const events = accessEvents("rot", 100);
    await appendLines(path, withBackground(events.slice(0, 30)));
    const writer = await open(path, "a"); // the logging daemon's descriptor
    await rename(path, `${path}.bkup`);
    await writer.write(`${withBackground(events.slice(30, 50)).join("\n")}\n`);
    await writeFile(path, "");
    await appendLines(path, withBackground(events.slice(50, 70)));
    // Late writes: the daemon has not reopened its log yet.
    for (const event of events.slice(70, 80)) await writer.write(`${event.line}\n`);
    await writer.close();
    await appendLines(path, withBackground(events.slice(80)));

    await expectDeliveredWhileRunning(stack, events);
    const rotated = await stack.agent.waitForLog("rotation", (l) => l.msg === "log rotated");
    expect(rotated).toMatchObject({ path, renamedTo: `${path}.bkup` });
    await stack.agent.waitForLog("switch to the new file", (l) => l.msg === "log switched");
  });

  it("reads a log truncated in place from its start, also when it regrew past the old offset", async () => {
    const stack = await accessStack("truncate-e2e");
    const path = stack.root.logPath("access");
    const events = accessEvents("trunc", 120);
    await appendLines(path, withBackground(events.slice(0, 40)));
    await settleDelivery(stack.receiver, stack.reporter, events.slice(0, 40), stack.root);

    // Truncated and a little written back: smaller than the read position.
    await truncate(path, 0);
    await appendLines(path, withBackground(events.slice(40, 50)));
    await settleDelivery(stack.receiver, stack.reporter, events.slice(0, 50), stack.root);

    // Truncated and written past the old read position before the follower looks again (the
    // agent is stopped meanwhile, as a busy machine may delay it): only the changed first
    // bytes tell the truncation.
    stack.agent.child.kill("SIGSTOP");
    try {
      await truncate(path, 0);
      await appendLines(path, withBackground(events.slice(50)));
    } finally {
      stack.agent.child.kill("SIGCONT");
    }
    await expectDeliveredWhileRunning(stack, events);
    const truncations = stack.agent.logLines().filter((l) => l.msg === "log truncated");
    expect(truncations.length).toBe(2);
  });

  it("follows a log deleted (still written through its old descriptor) and recreated", async () => {
    const stack = await accessStack("recreate-e2e");
    const path = stack.root.logPath("access");
    const events = accessEvents("recreate", 60);
    await appendLines(path, withBackground(events.slice(0, 20)));
    const writer = await open(path, "a");
    await unlink(path);
    await writer.write(`${withBackground(events.slice(20, 30)).join("\n")}\n`);
    await writer.close();
    await writeFile(path, "");
    await appendLines(path, withBackground(events.slice(30)));

    await expectDeliveredWhileRunning(stack, events);
    const rotated = await stack.agent.waitForLog("deletion", (l) => l.msg === "log rotated");
    expect(rotated).toMatchObject({ path });
    expect(rotated.renamedTo).toBeUndefined();
  });

  it("never reads a log regrown past its read position from that stale offset (no line starts mid-line)", async () => {
    const stack = await startStack({ followers: ["error"], reporter: "stale-offset-e2e" });
    defer(() => stack.close());
    const path = stack.root.logPath("error");
    const first = hookForwardAdded("genuine-before@victim.example", 1);
    await appendLines(path, [...corpusLines("error").slice(0, 20), first.line]);
    await settleDelivery(stack.receiver, stack.reporter, [first], stack.root);
    const { size: offset } = await stat(path);
    await waitFor(
      "the checkpoint at the end",
      async () => (await stack.root.checkpoint("error"))?.offset === offset,
      { timeoutMs: 60_000 },
    );

    // Truncated and rewritten while the agent is held up: another service's line whose
    // outsider-controlled text starts exactly at the old read position with a hook line.
    const forged = hookForwardAdded("forged-stale@victim.example", 2).line;
    const prefix = "[2024-08-16 18:20:00 +0000] warn [cpsrvd] rejected login name ";
    const filler = "x".repeat(offset - Buffer.byteLength(prefix));
    const second = hookForwardAdded("genuine-after@victim.example", 3);
    stack.agent.child.kill("SIGSTOP");
    try {
      await truncate(path, 0);
      await appendLines(path, [`${prefix}${filler}${forged}`, second.line]);
    } finally {
      stack.agent.child.kill("SIGCONT");
    }
    const delivered = await settleDelivery(
      stack.receiver,
      stack.reporter,
      [first, second],
      stack.root,
    );
    expect(delivered.reports).toEqual(expectedReports([first, second]));
  });
});
