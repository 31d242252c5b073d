import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@spoor/config";
import { hookScriptPath } from "@spoor/cpanel-hook";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveDaemonEntries } from "../../src/services/systemd/daemon-entries.js";
import { runCli, runNode } from "../helpers/run-cli.js";

const SECRET = "Xq7-secret-NEVER-shown-42";
let directory: string;
let root: string;
const r = (path: string) => join(root, path);
const mode = async (path: string) => (await stat(r(path))).mode & 0o7777;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-install-cli-"));
  root = join(directory, "root");
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const flags = () => [
  "install",
  "--non-interactive",
  "--root",
  root,
  "--api-identifier",
  "host-17",
  "--api-secret-stdin",
  "--api-host",
  "http://127.0.0.1:9",
];

describe("spoor install --non-interactive", () => {
  it("installs into a root with the right modes and prints every path and the remaining steps", async () => {
    const result = await runCli(flags(), { input: `${SECRET}\n` });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const hook = r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook");
    expect(result.stdout).toBe(
      [
        `Installed spoor (layout agent: spoor-agent.service) under ${root}`,
        "",
        ...[
          "etc/spoor",
          "etc/spoor/spoor.yml",
          "var/lib/spoor",
          "var/lib/spoor/parsed",
          "var/lib/spoor/transmitted",
          "var/lib/spoor/transmission_failed",
          "var/lib/spoor/quarantine",
          "var/lib/spoor/state",
          "etc/systemd/system/spoor-agent.service",
          "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook",
        ].map((path) => `  created   ${r(path)}`),
        "",
        `Remaining steps, as root, once ${root} is the running system's root:`,
        "",
        "  # make systemd read the unit files",
        "  systemctl daemon-reload",
        "  # start spoor now and at every boot",
        "  systemctl enable --now spoor-agent.service",
        "  # register the cPanel hook (forwarder and mailbox changes)",
        `  /usr/local/cpanel/bin/manage_hooks add script ${hook}`,
        "",
        `Warning: ${["access", "error", "login", "session"].map((log) => r(`usr/local/cpanel/logs/${log}_log`)).join(", ")} do not exist (yet): the agent will wait for each and start reading when it appears (check the path if this is a cPanel server).`,
        "",
        `Note: ${r("var/cpanel/cpanel.config")} was not found, so "Log successful logins" was not checked (is this a cPanel server?).`,
        "",
        `Check the installation with: spoor doctor --root ${root}`,
        "",
      ].join("\n"),
    );
    expect({
      configDirectory: await mode("etc/spoor"),
      config: await mode("etc/spoor/spoor.yml"),
      state: await mode("var/lib/spoor"),
      parsed: await mode("var/lib/spoor/parsed"),
      unit: await mode("etc/systemd/system/spoor-agent.service"),
      hook: await mode("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
    }).toEqual({
      configDirectory: 0o700,
      config: 0o600,
      state: 0o700,
      parsed: 0o700,
      unit: 0o644,
      hook: 0o755,
    });
    const hookStats = await stat(hook);
    expect([hookStats.uid, hookStats.gid]).toEqual([process.geteuid!(), process.getegid!()]);
    const installed = await readFile(hook, "utf8");
    const bundle = await readFile(hookScriptPath(), "utf8");
    expect(installed).toBe(`#!${process.execPath}\n${bundle.slice(bundle.indexOf("\n") + 1)}`);
    const unit = await readFile(r("etc/systemd/system/spoor-agent.service"), "utf8");
    expect(unit).toContain(
      `\nExecStart=${process.execPath} --no-sparkplug --expose-gc ${resolveDaemonEntries()["spoor-agent"]} --config ${r("etc/spoor/spoor.yml")} --root ${root}\n`,
    );
    const config = await loadConfig({ path: r("etc/spoor/spoor.yml") });
    expect(config.transmission.credentials).toEqual({
      api_identifier: "host-17",
      api_secret: SECRET,
    });
    expect(config.followers.session).toEqual({ name: r("usr/local/cpanel/logs/session_log") });
  });

  it("warns about a log that does not exist and says the agent will wait for it", async () => {
    await mkdir(r("usr/local/cpanel/logs"), { recursive: true });
    for (const log of ["access_log", "error_log", "session_log"]) {
      await writeFile(r(`usr/local/cpanel/logs/${log}`), "");
    }
    const result = await runCli([...flags(), "--login-log", "/nonexistent"], {
      input: `${SECRET}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((line) => line.startsWith("Warning:"))).toEqual([
      "Warning: /nonexistent does not exist (yet): the agent will wait for it and start reading when it appears (check the path if this is a cPanel server).",
    ]);
  });

  it("is idempotent: a second run keeps the secret and repairs modes changed in between", async () => {
    expect((await runCli(flags(), { input: SECRET })).code).toBe(0);
    await chmod(r("etc/spoor"), 0o755);
    await chmod(r("etc/spoor/spoor.yml"), 0o644);
    await chmod(r("etc/systemd/system/spoor-agent.service"), 0o600);
    const again = await runCli(["install", "--non-interactive", "--root", root]);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: "" });
    expect(again.stdout.split("\n").filter((line) => /^ {2}(repaired|kept)/.test(line))).toEqual([
      `  repaired  ${r("etc/spoor")} (mode 0755 → 0700)`,
      `  repaired  ${r("etc/spoor/spoor.yml")} (mode 0644 → 0600; content and credentials unchanged)`,
      `  repaired  ${r("etc/systemd/system/spoor-agent.service")} (mode 0600 → 0644)`,
    ]);
    expect(again.stdout).toContain(
      "  # apply the new files to running units\n  systemctl restart spoor-agent.service\n",
    );
    expect([
      await mode("etc/spoor"),
      await mode("etc/spoor/spoor.yml"),
      await mode("etc/systemd/system/spoor-agent.service"),
    ]).toEqual([0o700, 0o600, 0o644]);
    const config = await loadConfig({ path: r("etc/spoor/spoor.yml") });
    expect(config.transmission.credentials.api_secret).toBe(SECRET);
  });

  it("takes the secret from SPOOR_API_SECRET", async () => {
    const args = flags().filter((flag) => flag !== "--api-secret-stdin");
    const result = await runCli(args, { env: { SPOOR_API_SECRET: SECRET } });
    expect(result.code).toBe(0);
    expect(
      (await loadConfig({ path: r("etc/spoor/spoor.yml") })).transmission.credentials.api_secret,
    ).toBe(SECRET);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it("warns that --api-secret is visible to others, without showing it", async () => {
    const args = [
      ...flags().filter((flag) => flag !== "--api-secret-stdin"),
      "--api-secret",
      SECRET,
    ];
    const result = await runCli(args);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr:
        "Warning: --api-secret is visible in the process list and shell history; prefer --api-secret-stdin or SPOOR_API_SECRET.\n",
    });
    expect(result.stdout).not.toContain(SECRET);
  });

  it("keeps a Perl-era spoor.yml and its credentials", async () => {
    const perl = [
      "---",
      "followers:",
      "  login:",
      "    debug: 1",
      "    maxinterval: 10",
      "    name: /usr/local/cpanel/logs/login_log",
      "    transformer: bin/login_log_transformer.pl",
      "transmission:",
      "  credentials:",
      "    api_identifier: perl-id",
      `    api_secret: ${SECRET}`,
      "  endpoints:",
      "    report: /api/reports",
      "  host: https://spoor.capefox.co",
      "",
    ].join("\n");
    await mkdir(r("etc/spoor"), { recursive: true });
    await writeFile(r("etc/spoor/spoor.yml"), perl, { mode: 0o640 });
    const result = await runCli([
      "install",
      "--non-interactive",
      "--root",
      root,
      "--layout",
      "units",
    ]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(await readFile(r("etc/spoor/spoor.yml"), "utf8")).toBe(perl);
    expect(await mode("etc/spoor/spoor.yml")).toBe(0o600);
    expect(result.stdout).toContain(
      "Installed spoor (layout units: spoor-login-follower.service, spoor-transmitter.service)",
    );
    expect(result.stdout).not.toContain(SECRET);
  });

  it("refuses --enable with a sandbox root, a relative log path and a missing secret, never echoing the secret", async () => {
    const enable = await runCli([...flags(), "--enable"], { input: SECRET });
    expect({ code: enable.code, stdout: enable.stdout }).toEqual({ code: 1, stdout: "" });
    expect(enable.stderr).toBe(
      `Error: --enable runs systemctl and cPanel's tools on this machine, but --root ${root} is not this machine's root.\nFix: drop --enable (the steps are printed instead), or install with --root /\n`,
    );
    const relative = await runCli([...flags(), "--login-log", "logs/login_log"], { input: SECRET });
    expect({ code: relative.code, stderr: relative.stderr }).toEqual({
      code: 2,
      stderr: "Error: --login-log: give an absolute path (starting with /)\n",
    });
    const missing = await runCli([
      "install",
      "--non-interactive",
      "--root",
      root,
      "--api-identifier",
      "x",
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "There is no configuration yet, so the Spoor API identifier and secret are required.",
    );
    for (const result of [enable, relative, missing])
      expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});

describe("spoor install (interactive)", () => {
  it("asks the original's questions with defaults, reads the secret without echoing it", async () => {
    const answers = ["", "", "", "", "host-17", SECRET, "http://127.0.0.1:9", ""].join("\n");
    const result = await runCli(["install", "--root", root], { input: answers });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const logs = r("usr/local/cpanel/logs");
    expect(result.stdout.split("Installed spoor")[0]).toBe(
      [
        "Welcome to the Spoor installer",
        `Please provide the path to the CPanel login log [${logs}/login_log]: ` +
          `Please provide the full path to the CPanel access log [${logs}/access_log]: ` +
          `Please provide the full path to the CPanel error log [${logs}/error_log]: ` +
          `Please provide the full path to the CPanel session log [${logs}/session_log]: ` +
          "Please provide your Spoor API identifier: " +
          "Please provide your Spoor API secret: " +
          "Please provide the Spoor API host [https://spoor.capefox.co]: ",
      ].join("\n"),
    );
    expect(result.stdout).not.toContain(SECRET);
    expect((await loadConfig({ path: r("etc/spoor/spoor.yml") })).transmission.credentials).toEqual(
      {
        api_identifier: "host-17",
        api_secret: SECRET,
      },
    );
  });

  it("re-asks an invalid answer and offers the existing values on a re-run, keeping the secret", async () => {
    await runCli(flags(), { input: SECRET });
    const answers = ["relative/path", "", "", "", "", "", "", "", ""].join("\n");
    const result = await runNode(
      fileURLToPath(new URL("../../bin/spoor_installer.js", import.meta.url)),
      ["--root", root],
      { input: answers },
    );
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(result.stdout).toContain(
      `Please provide the path to the CPanel login log [${r("usr/local/cpanel/logs/login_log")}]:   give an absolute path (starting with /)\n`,
    );
    expect(result.stdout).toContain(
      "Please provide your Spoor API identifier [host-17]: Please provide your Spoor API secret [press Enter to keep the current secret]: ",
    );
    expect(result.stdout).toContain(
      `  kept      ${r("etc/spoor/spoor.yml")} (content and credentials unchanged)`,
    );
    expect(result.stdout).not.toContain(SECRET);
  });

  it("stops with a clear error when the input ends before the last answer", async () => {
    const result = await runCli(["install", "--root", root], { input: "\n\n" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Error: The input ended before every question was answered.\nFix: answer every prompt, or use --non-interactive with flags\n",
    );
  });
});
