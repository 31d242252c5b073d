import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ReceiverProcess, startReceiver } from "@spoor/test-support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const SECRET = "doctor-cli-secret-3141";
let receiver: ReceiverProcess;
let directory: string;
let root: string;
const r = (path: string) => join(root, path);
const hook = () => r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook");

beforeAll(async () => {
  receiver = await startReceiver({ credentials: `doctor-id:${SECRET}` });
});
afterAll(async () => {
  await receiver.stop();
});

/** A sandbox that looks like a healthy cPanel server with spoor installed and enabled. */
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-lifecycle-"));
  root = join(directory, "root");
  const args = [
    "install",
    "--non-interactive",
    "--root",
    root,
    "--api-identifier",
    "doctor-id",
    "--api-secret-stdin",
    "--api-host",
    receiver.url,
  ];
  expect((await runCli(args, { input: SECRET })).code).toBe(0);
  await mkdir(r("usr/local/cpanel/logs"), { recursive: true });
  for (const log of ["access_log", "error_log", "login_log", "session_log"]) {
    await writeFile(r(`usr/local/cpanel/logs/${log}`), "", { mode: 0o600 });
  }
  await mkdir(r("var/cpanel/hooks/data/Cpanel"), { recursive: true });
  await writeFile(r("var/cpanel/cpanel.config"), "log_successful_logins=1\n");
  for (const event of [
    "UAPI::Email::add_forwarder",
    "UAPI::Email::delete_forwarder",
    "Api2::Email::addforward",
    "Api2::Email::delforward",
  ]) {
    const entry = `---\n- escalateprivs: 1\n  exectype: script\n  hook: ${hook()}\n  stage: post\n  weight: 100\n`;
    await writeFile(r(`var/cpanel/hooks/data/Cpanel/${event}.yaml`), entry);
  }
  await mkdir(r("etc/systemd/system/multi-user.target.wants"));
  await symlink(
    "../spoor-agent.service",
    r("etc/systemd/system/multi-user.target.wants/spoor-agent.service"),
  );
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("spoor doctor", () => {
  it("passes a healthy installation against the real receiver (exit 0)", async () => {
    const result = await runCli(["doctor", "--root", root]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("0 failed, 0 warnings, 17 ok");
    expect(lines).toContain(
      `ok    api                       ${receiver.url} accepted the credentials of doctor-id (0 reports for this host)`,
    );
    expect(result.stdout).not.toContain(SECRET);
  });

  it("fails a broken installation (exit 1) with each verdict and fix, also as JSON", async () => {
    const install = ["install", "--non-interactive", "--root", root, "--api-secret-stdin"];
    expect((await runCli(install, { input: "a-wrong-secret" })).code).toBe(0);
    await chmod(r("etc/spoor/spoor.yml"), 0o644);
    await rm(r("usr/local/cpanel/logs/access_log"));
    await writeFile(r("var/cpanel/cpanel.config"), "log_successful_logins=0\n");
    await rm(hook());
    const result = await runCli(["doctor", "--root", root, "--output", "json"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: "" });
    const report = JSON.parse(result.stdout) as {
      verdict: string;
      checks: Array<{ name: string; verdict: string; reason: string; fix?: string }>;
    };
    expect(report.verdict).toBe("fail");
    const notOk = Object.fromEntries(
      report.checks.filter((check) => check.verdict !== "ok").map((check) => [check.name, check]),
    );
    expect(Object.keys(notOk)).toEqual([
      "config file",
      "log access",
      "successful logins",
      "hook script",
      "api",
    ]);
    expect(notOk["config file"]).toEqual({
      name: "config file",
      verdict: "fail",
      reason: `${r("etc/spoor/spoor.yml")} has mode 0644; expected 0600.`,
      fix: `chmod 0600 ${r("etc/spoor/spoor.yml")}`,
    });
    expect(notOk["successful logins"]!.verdict).toBe("warn");
    expect(notOk.api).toEqual({
      name: "api",
      verdict: "fail",
      reason: `${receiver.url} rejected the credentials of doctor-id (HTTP 401)`,
      fix: "check the identifier and secret with Spoor, then spoor install --non-interactive --api-identifier ID --api-secret-stdin",
    });
    const text = await runCli(["doctor", "--root", root]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `fail  hook script               ${hook()} does not exist\n                                fix: spoor install (re-installs the hook script)\n`,
    );
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("4 failed, 1 warning, 12 ok");
    expect(result.stdout + text.stdout).not.toContain("a-wrong-secret");
  });
});

describe("spoor uninstall", () => {
  it("removes units and hook, keeps config and spool, and prints the steps", async () => {
    await writeFile(r("var/lib/spoor/parsed/login.1700000000.1234567.json"), "{}\n", {
      mode: 0o600,
    });
    const result = await runCli(["uninstall", "--root", root, "--yes"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      [
        `Uninstalled spoor under ${root}`,
        "",
        `  removed   ${r("etc/systemd/system/multi-user.target.wants/spoor-agent.service")}`,
        `  removed   ${r("etc/systemd/system/spoor-agent.service")}`,
        `  removed   ${hook()}`,
        `  kept      ${r("etc/spoor")} (the config and its API credentials; --purge removes it)`,
        `  kept      ${r("var/lib/spoor")} (queued, sent and failed entries, follower checkpoints; --purge removes it)`,
        "",
        `Remaining steps, as root, once ${root} is the running system's root:`,
        "",
        "  # stop the running units",
        "  systemctl stop spoor-agent.service",
        "  # make systemd forget the removed units",
        "  systemctl daemon-reload",
        "  # drop hook registrations whose script is gone (spoor's)",
        "  /usr/local/cpanel/bin/manage_hooks prune",
        "",
      ].join("\n"),
    );
    expect(await readdir(r("var/lib/spoor/parsed"))).toEqual(["login.1700000000.1234567.json"]);
  });

  it("removes everything with --purge, and nothing when the answer is no", async () => {
    const declined = await runCli(["uninstall", "--root", root, "--purge"], { input: "n\n" });
    expect(declined.code).toBe(1);
    expect(declined.stdout).toBe(
      `Remove spoor's units, hook script, ${r("etc/spoor")} and ${r("var/lib/spoor")} (every spooled entry) under ${root}? [y/N]: Nothing removed.\n`,
    );
    expect(await readdir(r("etc/spoor"))).toEqual(["spoor.yml"]);
    const purged = await runCli(["uninstall", "--root", root, "--purge"], { input: "y\n" });
    expect(purged.code).toBe(0);
    expect(purged.stdout).toContain(
      `  removed   ${r("etc/spoor")} (the config and its API credentials)\n`,
    );
    expect(await readdir(r("etc"))).toEqual(["systemd"]);
    expect(await readdir(r("var/lib"))).toEqual([]);
  });
});
