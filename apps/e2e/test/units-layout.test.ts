import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { type DaemonProcess, startDaemon, waitForFollowers } from "./harness/daemon-process.js";
import { expectedReports, settleDelivery } from "./harness/delivery.js";
import { startFaultProxy } from "./harness/fault-proxy.js";
import { keyViolations } from "./harness/idempotency.js";
import { mailboxEvents } from "./harness/log-lines.js";
import { writeTraffic } from "./harness/log-writer.js";
import { startReceiverProcess } from "./harness/receiver-process.js";
import { makeSpoorRoot } from "./harness/spoor-root.js";

const defer = useCleanups();

describe("the units layout (one process per follower, and the transmitter)", () => {
  it("delivers everything through kill -9 of a follower and of the transmitter", async () => {
    const receiver = await startReceiverProcess();
    defer(() => receiver.stop());
    const proxy = await startFaultProxy(receiver.url);
    defer(() => proxy.close());
    const root = await makeSpoorRoot({
      followers: ["access", "login"],
      host: proxy.url,
      reporter: "units-e2e",
    });
    defer(() => root.cleanup());
    const running = new Map<string, DaemonProcess>();
    const start = async (bin: string, type?: "access" | "login") => {
      const daemon = startDaemon(bin, ["--config", root.configPath]);
      defer(() => daemon.stop("SIGKILL"));
      running.set(bin, daemon);
      if (type !== undefined) {
        await waitForFollowers(daemon, [type]);
        await waitFor(`${type} checkpoint`, () => root.checkpoint(type), {
          timeoutMs: 60_000,
        });
      } else {
        await daemon.waitForLog("transmitting", (l) => l.msg === "transmitting");
      }
    };
    await start("spoor-access-follower", "access");
    await start("spoor-login-follower", "login");
    await start("spoor-transmitter");

    const events = mailboxEvents("units", 300);
    const kills: Array<[number, string, "access" | "login" | undefined]> = [
      [90, "spoor-access-follower", "access"],
      [180, "spoor-transmitter", undefined],
      [240, "spoor-login-follower", "login"],
    ];
    await writeTraffic((type) => root.logPath(type), events, {
      burst: 5,
      between: async (written) => {
        const [at, bin, type] = kills[0] ?? [];
        if (at === undefined || written < at) return;
        kills.shift();
        expect(await running.get(bin!)!.stop("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
        await start(bin!, type);
      },
    });
    expect(kills).toEqual([]);
    const delivered = await settleDelivery(receiver, "units-e2e", events, root);
    expect(delivered.reports).toEqual(expectedReports(events));
    expect(delivered.stats.reports).toBe(events.length);
    expect(keyViolations(proxy.requests())).toMatchObject({
      addressesWithSeveralKeys: [],
      keysWithSeveralAddresses: [],
    });
    for (const [bin, daemon] of running) {
      expect({ bin, exit: await daemon.stop("SIGTERM") }).toEqual({
        bin,
        exit: { code: 0, signal: null },
      });
    }
  });
});
