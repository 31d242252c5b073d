import { mkdtemp, rmdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { expectedReports, settleDelivery } from "./harness/delivery.js";
import { mailboxEvents } from "./harness/log-lines.js";
import { appendLines, writeTraffic } from "./harness/log-writer.js";
import { type Stack, startStack } from "./harness/stack.js";
import { mountSmallTmpfs } from "./harness/tmpfs.js";

const defer = useCleanups();
const PAUSED = "spool cannot take entries, follower paused (retrying; nothing is lost)";
const RESUMED = "spool accepts entries again, follower resumed";

async function expectAllDelivered(stack: Stack, events: ReturnType<typeof mailboxEvents>) {
  const delivered = await settleDelivery(stack.receiver, stack.reporter, events, stack.root);
  expect(delivered.reports).toEqual(expectedReports(events));
  expect(delivered.stats.reports).toBe(events.length);
  expect(stack.agent.isRunning()).toBe(true);
}

describe("a full spool", () => {
  it("pauses the followers at spool_max_entries and loses nothing once the transmitter drains", async () => {
    const stack = await startStack({
      followers: ["access", "login"],
      reporter: "spoolcap-e2e",
      application: { spool_max_entries: 5 },
    });
    defer(() => stack.close());
    await stack.proxy.setMode("503");
    const events = mailboxEvents("cap", 60);
    // One line at a time, each handled before the next, so no batch overshoots the cap (the
    // spool lets one write call overshoot by its own size).
    const pausedTypes = () =>
      new Set(
        stack.agent
          .logLines()
          .filter((l) => l.msg === PAUSED)
          .map((l) => l.type),
      );
    let most = 0;
    for (const event of events) {
      const path = stack.root.logPath(event.type);
      await appendLines(path, [event.line]);
      if (pausedTypes().size === 2) continue;
      const { size } = await stat(path);
      await waitFor(
        `the ${event.type} line handled or its follower paused`,
        async () => {
          most = Math.max(most, (await stack.root.queued()).length);
          return (
            pausedTypes().has(event.type) ||
            (await stack.root.checkpoint(event.type))?.offset === size
          );
        },
        { timeoutMs: 60_000 },
      );
    }
    expect(pausedTypes()).toEqual(new Set(["access", "login"]));
    expect(stack.agent.logLines().find((l) => l.msg === PAUSED)).toMatchObject({
      level: "warn",
      reason: "queue-full",
    });
    expect(most).toBe(5);
    await stack.proxy.setMode("pass");
    await expectAllDelivered(stack, events);
    await stack.agent.waitForLog("resumption", (l) => l.msg === RESUMED);
  });

  it("pauses on a really full filesystem (ENOSPC) and resumes once space is freed", async () => {
    const mountpoint = await mkdtemp(join(tmpdir(), "spoor-e2e-tmpfs-"));
    defer(() => rmdir(mountpoint));
    const tmpfs = await mountSmallTmpfs(mountpoint, 1024);
    if ("unavailable" in tmpfs) {
      // Only a privileged root can mount: elsewhere say why, and require that reason.
      console.warn(`tmpfs case not run: ${tmpfs.unavailable}`);
      expect(tmpfs.unavailable).toMatch(/permission|only root|not permitted/i);
      return;
    }
    defer(() => tmpfs.unmount());
    // All of spoor's state (spool and checkpoints) on the small filesystem.
    const state = (name: string) => join(mountpoint, name);
    const stack = await startStack({
      followers: ["access", "login"],
      reporter: "enospc-e2e",
      application: {
        parsed_entries_path: state("parsed"),
        transmitted_entries_path: state("transmitted"),
        transmission_failed_entries_path: state("transmission_failed"),
        quarantine_path: state("quarantine"),
        state_path: state("state"),
      },
    });
    defer(() => stack.close());
    expect(await tmpfs.fill()).toBeGreaterThan(0);
    const events = mailboxEvents("enospc", 30);
    await writeTraffic((type) => stack.root.logPath(type), events, { burst: 5 });
    const paused = await stack.agent.waitForLog("back-pressure", (l) => l.msg === PAUSED);
    expect(paused).toMatchObject({ level: "warn", reason: "disk-full" });
    await tmpfs.free();
    await expectAllDelivered(stack, events);
    await stack.agent.waitForLog("resumption", (l) => l.msg === RESUMED);
  });
});
