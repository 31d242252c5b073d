import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { install } from "../install/install.js";
import { createSandbox, type Sandbox } from "../steps/test-support.js";
import { uninstall } from "./uninstall.js";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox();
  await install({
    root: sandbox.root,
    layout: "units",
    choices: { apiIdentifier: "id", apiSecret: "secret-xyz", apiHost: "http://127.0.0.1:9" },
    daemonEntries: sandbox.daemonEntries,
    hookBundlePath: sandbox.hookBundlePath,
  });
  const wants = join(sandbox.root, "etc/systemd/system/multi-user.target.wants");
  await mkdir(wants);
  await symlink("../spoor-transmitter.service", join(wants, "spoor-transmitter.service"));
  await writeFile(join(sandbox.root, "var/lib/spoor/parsed/login.1700000000.1234567.json"), "{}\n");
});
afterEach(async () => {
  await sandbox.cleanup();
});

describe("uninstall", () => {
  it("removes units, boot links and the hook, keeps config and spool, prints the steps", async () => {
    const r = (path: string) => join(sandbox.root, path);
    const result = await uninstall({ root: sandbox.root });
    const units = [
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ];
    expect(result.units).toEqual(units);
    expect(result.outcomes).toEqual([
      ...units
        .slice(0, 4)
        .map((name) => ({ path: r(`etc/systemd/system/${name}`), action: "removed" })),
      {
        path: r("etc/systemd/system/multi-user.target.wants/spoor-transmitter.service"),
        action: "removed",
      },
      { path: r("etc/systemd/system/spoor-transmitter.service"), action: "removed" },
      { path: r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"), action: "removed" },
      {
        path: r("etc/spoor"),
        action: "kept",
        detail: "the config and its API credentials; --purge removes it",
      },
      {
        path: r("var/lib/spoor"),
        action: "kept",
        detail: "queued, sent and failed entries, follower checkpoints; --purge removes it",
      },
    ]);
    expect(result.steps.map((step) => step.argv.join(" "))).toEqual([
      `systemctl stop ${units.join(" ")}`,
      "systemctl daemon-reload",
      "/usr/local/cpanel/bin/manage_hooks prune",
    ]);
    expect(await readdir(r("etc/systemd/system/multi-user.target.wants"))).toEqual([]);
    expect(await readdir(r("var/lib/spoor/parsed"))).toEqual(["login.1700000000.1234567.json"]);
    expect(await readdir(r("etc/spoor"))).toEqual(["spoor.yml"]);
  });

  it("removes the config and the spool with purge", async () => {
    const result = await uninstall({ root: sandbox.root, purge: true });
    expect(result.outcomes.slice(-2).map((outcome) => outcome.action)).toEqual([
      "removed",
      "removed",
    ]);
    expect((await readdir(sandbox.root)).sort()).toEqual(["etc", "usr", "var"]);
    expect(await readdir(join(sandbox.root, "var/lib"))).toEqual([]);
    expect(await readdir(join(sandbox.root, "etc"))).toEqual(["systemd"]);
  });

  it("reports nothing to do on a second run", async () => {
    await uninstall({ root: sandbox.root, purge: true });
    const again = await uninstall({ root: sandbox.root, purge: true });
    expect(again).toMatchObject({ units: [], outcomes: [] });
    expect(again.steps.map((step) => step.argv.join(" "))).toEqual(["systemctl daemon-reload"]);
  });

  it("refuses --now for a root other than /", async () => {
    await expect(uninstall({ root: sandbox.root, now: true })).rejects.toThrow(
      `--now runs systemctl and cPanel's tools on this machine, but --root ${sandbox.root} is not this machine's root.`,
    );
  });
});
