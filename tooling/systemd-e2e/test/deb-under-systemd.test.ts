import { readFileSync } from "node:fs";
import { bootSystemd, type SystemdContainer, waitUntil } from "@spoor/systemd-harness";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiRecorder, startApiRecorder } from "./support/api-recorder.js";
import { cpanelCalls, installFakeCpanel, registeredHooks } from "./support/fake-cpanel.js";
import { runtimeVersion, webmailSessionLine } from "./support/repository.js";
import {
  journalJson,
  unitSandbox,
  waitForStartedDaemon,
  waitForState,
} from "./support/unit-state.js";

const HOOK = "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook";
const CONFIG = "/etc/spoor/spoor.yml";
const MAILBOX = "victim@server-1.example.net";

const LAYOUTS = [
  {
    layout: "agent",
    units: ["spoor-agent.service"],
    session: "spoor-agent.service",
    sender: "spoor-agent.service",
  },
  {
    layout: "units",
    units: [
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ],
    session: "spoor-session-follower.service",
    sender: "spoor-transmitter.service",
  },
] as const;

describe.each(LAYOUTS)(
  "the .deb under a real systemd, --layout $layout",
  ({ layout, units, session, sender }) => {
    let container: SystemdContainer;
    let api: ApiRecorder;

    beforeAll(async () => {
      // No node but the package's own: the overlay loses the machine's /usr/bin/node (= /bin/node).
      container = await bootSystemd({
        name: `spoor-${layout}`,
        remove: ["/usr/bin/node", "/usr/local/bin/node"],
      });
      await installFakeCpanel(container);
      await container.writeFile("/root/spoor.deb", readFileSync(inject("debPath")));
    });
    afterAll(async () => {
      await container?.stop();
    });

    it("installs with dpkg and runs on its own runtime, with no node on PATH", async () => {
      expect((await container.exec(["sh", "-c", "command -v node"])).code).not.toBe(0);
      await container.run(["dpkg", "-i", "/root/spoor.deb"]);
      expect(await container.run(["readlink", "/usr/bin/spoor"])).toBe("/opt/spoor/bin/spoor\n");
      expect(await container.run(["spoor", "--version"])).toContain(`node-v${runtimeVersion}`);
      // The package starts and enables nothing by itself.
      expect(
        await container.run(["sh", "-c", "ls /etc/systemd/system | grep -c spoor || true"]),
      ).toBe("0\n");
    });

    it("spoor install --non-interactive --enable starts the units and calls cPanel's tools", async () => {
      api = await startApiRecorder(container);
      const output = await container.run(
        [
          "spoor",
          "install",
          "--non-interactive",
          "--enable",
          "--layout",
          layout,
          "--api-identifier",
          api.identifier,
          "--api-secret-stdin",
          "--api-host",
          api.url,
        ],
        { input: `${api.secret}\n` },
      );
      expect(output).toContain(`layout ${layout}`);
      expect(await cpanelCalls(container)).toEqual([
        `manage_hooks add script ${HOOK}`,
        "whmapi1 set_tweaksetting key=log_successful_logins value=1",
      ]);
      expect(await registeredHooks(container)).toEqual([HOOK]);
      // cPanel runs the hook's --describe; it ran on the shipped runtime (its #!).
      expect((await container.readFile(HOOK)).split("\n")[0]).toBe("#!/opt/spoor/runtime/bin/node");
      expect(JSON.parse(await container.readFile("/root/fake-cpanel/describe.json"))).toEqual(
        expect.arrayContaining([expect.objectContaining({ hook: HOOK })]),
      );
      const installed = await container.run([
        "sh",
        "-c",
        "cd /etc/systemd/system && ls -d spoor-*.service",
      ]);
      expect(installed.trim().split("\n")).toEqual([...units]);
    });

    it("runs every unit active, with NoNewPrivs, a seccomp filter and no capabilities", async () => {
      for (const unit of units) {
        // "active" holds from the fork (Type=simple): a daemon that logged is past start-up.
        await waitForState(container, unit, ["active"]);
        await waitForStartedDaemon(container, unit);
        const state = await container.show(unit, ["SubState", "NRestarts"]);
        expect({ unit, ...state }).toEqual({ unit, SubState: "running", NRestarts: "0" });
        const sandbox = await unitSandbox(container, unit);
        expect({ unit, ...sandbox }).toEqual({
          unit,
          noNewPrivs: "1",
          seccomp: "2",
          capEff: "0000000000000000",
          capBnd: "0000000000000000",
          exe: "/opt/spoor/runtime/bin/node",
        });
      }
    });

    it("delivers a webmail login appended to session_log to the API", async () => {
      await waitUntil(`${session} to open session_log`, async () =>
        (await journalJson(container, session)).some(
          (line) => line.msg === "log started" && line.type === "session",
        )
          ? true
          : undefined,
      );
      await container.writeFile(
        "/usr/local/cpanel/logs/session_log",
        `${webmailSessionLine(MAILBOX)}\n`,
        {
          append: true,
        },
      );
      const report = await waitUntil(
        "the login at the API",
        async () =>
          (await api.requests()).find((request) => JSON.stringify(request.body).includes(MAILBOX)),
        { timeoutMs: 60_000 },
      );
      expect(report).toMatchObject({ method: "POST", path: "/api/reports", authorized: true });
      expect(report.body).toMatchObject({
        report: {
          entries: [
            { type: "login", ip: "192.0.2.4", mailbox_address: MAILBOX, context: "mailbox" },
          ],
          metadata: { reporter: `spoor-${layout}` },
        },
      });
    });

    it("logs JSON lines to the journal, without the secret or the raw log line", async () => {
      for (const unit of units) {
        const messages = await container.journal(unit);
        const json = await journalJson(container, unit);
        expect({ unit, json: json.length > 0 }).toEqual({ unit, json: true });
        expect(
          json.every((line) => typeof line.level === "string" && typeof line.msg === "string"),
        ).toBe(true);
        expect(messages.join("\n")).not.toContain(api.secret);
        expect(messages.join("\n")).not.toContain("NEW victim@");
      }
      expect(
        (await journalJson(container, sender)).some((line) => line.msg === "transmitting"),
      ).toBe(true);
    });

    it("ends systemctl restart and stop with Result=success", async () => {
      for (const unit of units) {
        const before = await container.show(unit, ["MainPID"]);
        await container.run(["systemctl", "restart", unit]);
        const restarted = await waitForState(container, unit, ["active"]);
        expect(restarted).toMatchObject({ SubState: "running", Result: "success", NRestarts: "0" });
        expect(restarted.MainPID).not.toBe(before.MainPID);
        // Type=simple is "active" from the fork: stop only once the daemon handles SIGTERM.
        await waitForStartedDaemon(container, unit);
        await container.run(["systemctl", "stop", unit]);
        const stopped = await container.show(unit, [
          "ActiveState",
          "Result",
          "ExecMainCode",
          "ExecMainStatus",
        ]);
        // ExecMainCode 1: exited by itself (status 0), not killed by the signal.
        expect({ unit, ...stopped }).toEqual({
          unit,
          ActiveState: "inactive",
          Result: "success",
          ExecMainCode: "1",
          ExecMainStatus: "0",
        });
      }
    });

    it("stops a unit with a configuration error at once (exit 78, no restart loop)", async () => {
      const config = await container.readFile(CONFIG);
      await container.writeFile(CONFIG, `${config}transmision: {}\n`);
      for (const unit of units) {
        await container.run(["systemctl", "start", unit]);
        const failed = await waitForState(container, unit, ["failed"]);
        expect({ unit, ...failed }).toMatchObject({
          unit,
          SubState: "failed",
          Result: "exit-code",
          ExecMainStatus: "78",
          NRestarts: "0",
        });
        const errors = (await journalJson(container, unit)).filter(
          (line) => line.level === "error",
        );
        expect(JSON.stringify(errors)).toContain("transmision");
      }
      await container.writeFile(CONFIG, config);
      for (const unit of units) {
        await container.run(["systemctl", "reset-failed", unit]);
        await container.run(["systemctl", "start", unit]);
        expect((await waitForState(container, unit, ["active"])).SubState).toBe("running");
      }
    });

    it("keeps config and spool through a package upgrade and restarts the running units", async () => {
      const config = await container.readFile(CONFIG);
      const spool = await container.run(["sh", "-c", "ls -R /var/lib/spoor"]);
      const before = await Promise.all(units.map((unit) => container.show(unit, ["MainPID"])));
      // dpkg -i over the installed package runs postinst configure with the old version.
      await container.run(["dpkg", "-i", "/root/spoor.deb"]);
      for (const [index, unit] of units.entries()) {
        const after = await waitForState(container, unit, ["active"]);
        expect({ unit, restarted: after.MainPID !== before[index]!.MainPID }).toEqual({
          unit,
          restarted: true,
        });
      }
      expect(await container.readFile(CONFIG)).toBe(config);
      expect(await container.run(["sh", "-c", "ls -R /var/lib/spoor"])).toBe(spool);
    });

    it("leaves nothing after spoor uninstall --now --purge and dpkg --purge, even with a failed unit", async () => {
      // A broken install is a common reason to uninstall: the first unit is left failed.
      const config = await container.readFile(CONFIG);
      await container.writeFile(CONFIG, `${config}transmision: {}\n`);
      await container.run(["systemctl", "restart", units[0]]).catch(() => {});
      await waitForState(container, units[0], ["failed"]);
      await container.run(["spoor", "uninstall", "--now", "--purge", "--yes"]);
      expect(await cpanelCalls(container)).toContain(`manage_hooks delete script ${HOOK}`);
      expect(await registeredHooks(container)).toEqual([]);
      await container.run(["dpkg", "--purge", "spoor"]);
      const left = await container.exec([
        "sh",
        "-c",
        `ls -d /etc/spoor /var/lib/spoor /opt/spoor /usr/bin/spoor ${HOOK} /etc/systemd/system/spoor-* /etc/systemd/system/*/spoor-* 2>/dev/null`,
      ]);
      expect(left.stdout).toBe("");
      expect((await container.exec(["dpkg", "-s", "spoor"])).code).not.toBe(0);
      const loaded = await container.run([
        "systemctl",
        "list-units",
        "--all",
        "--no-legend",
        "--plain",
        "spoor-*",
      ]);
      expect(
        loaded
          .split("\n")
          .filter((line) => line.includes("spoor-") && !line.startsWith("spoor-test-api")),
      ).toEqual([]);
    });
  },
);
