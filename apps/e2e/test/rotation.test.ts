import { open, rename, truncate, unlink, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { expectedReports, settleDelivery } from "./harness/delivery.js";
import { keyViolations } from "./harness/idempotency.js";
import { accessEvents, corpusLines, type MailboxEvent } from "./harness/log-lines.js";
import { appendLines } from "./harness/log-writer.js";
import { type Stack, startStack } from "./harness/stack.js";

const defer = useCleanups();

async function accessStack(reporter: string): Promise<Stack> {
  const stack = await startStack({ followers: ["access"], reporter });
  defer(() => stack.close());
  return stack;
}

/** The events' lines with real background lines between them. */
function withBackground(events: readonly MailboxEvent[]): Array<string | Buffer> {
  const corpus = corpusLines("access");
  return events.flatMap((event, index) => [corpus[(index * 7) % corpus.length]!, event.line]);
}

async function expectExactlyDelivered(
  stack: Stack,
  events: readonly MailboxEvent[],
): Promise<void> {
  const delivered = await settleDelivery(stack.receiver, stack.reporter, events, stack.root);
  expect(delivered.reports).toEqual(expectedReports(events));
  expect(delivered.stats.reports).toBe(events.length);
  expect(keyViolations(stack.proxy.requests())).toMatchObject({
    addressesWithSeveralKeys: [],
    keysWithSeveralAddresses: [],
  });
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

    await expectExactlyDelivered(stack, events);
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

    // Truncated and at once written past the old read position in one go.
    await truncate(path, 0);
    await appendLines(path, withBackground(events.slice(50)));
    await expectExactlyDelivered(stack, events);
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

    await expectExactlyDelivered(stack, events);
    const rotated = await stack.agent.waitForLog("deletion", (l) => l.msg === "log rotated");
    expect(rotated).toMatchObject({ path });
    expect(rotated.renamedTo).toBeUndefined();
  });
});
