import { appendFile, readFile } from "node:fs/promises";
import {
  CleanupStack,
  forwarderAddLine,
  type ReceiverProcess,
  startReceiver,
  waitFor,
} from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProcess, startDaemon } from "./helpers/daemon-process.js";
import { makeSpoorRoot } from "./helpers/spoor-root.js";

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

function stopOnCleanup(daemon: DaemonProcess): void {
  cleanups.push(async () => {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) {
      daemon.child.kill("SIGKILL");
      await daemon.exited;
    }
  });
}

async function receiver(): Promise<ReceiverProcess> {
  const started = await startReceiver();
  cleanups.push(() => started.stop());
  return started;
}

describe("spoor-agent", () => {
  it("delivers a webmail login and a forwarder added to the real receiver, then stops cleanly", async () => {
    const api = await receiver();
    const env = await makeSpoorRoot({
      followers: ["login", "access"],
      host: api.url,
      transmission: { reporter: "e2e-host" },
    });
    cleanups.push(env.cleanup);
    const agent = startDaemon("spoor-agent", ["--root", env.root]);
    stopOnCleanup(agent);
    await waitFor("both followers", () =>
      ["login", "access"].every((type) =>
        agent.logLines().some((l) => l.msg === "log started" && l.type === type),
      ),
    );
    await appendFile(
      env.logPath("login"),
      "[2024-08-16 18:05:01 +0000] info [webmaild] 203.0.113.7 - victim@example.com (possessor: owner1) - SUCCESS LOGIN webmaild\n",
    );
    await appendFile(env.logPath("access"), `${forwarderAddLine(7)}\n`);
    const reports = await waitFor("both reports at the receiver", async () => {
      const body = (await api.get("/api/reports?reports%5Bhost%5D=e2e-host")) as {
        reports: Array<Record<string, unknown>>;
      };
      return body.reports.length === 2 ? body.reports : undefined;
    });
    expect(
      reports
        .map(({ host, type, mailbox_address }) => ({ host, type, mailbox_address }))
        .sort((a, b) => String(a.type).localeCompare(String(b.type))),
    ).toEqual([
      { host: "e2e-host", type: "forward_added_partial_ip", mailbox_address: "user7@example.com" },
      { host: "e2e-host", type: "login", mailbox_address: "victim@example.com" },
    ]);
    agent.child.kill("SIGTERM");
    expect(await agent.exited).toEqual({ code: 0, signal: null });
    for (const type of ["login", "access"] as const) {
      const checkpoint = JSON.parse(await readFile(env.checkpointPath(type), "utf8")) as {
        offset: number;
      };
      expect(checkpoint.offset).toBeGreaterThan(0);
    }
    expect(agent.stderr()).not.toContain("victim@example.com");
    expect(agent.stderr()).not.toContain("SECRET");
  });
});
