import { chmod, mkdir, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { install } from "../install/install.js";
import { createSandbox, type Sandbox } from "../steps/test-support.js";
import { doctor } from "./doctor.js";

const ID = "doctor-id";
const SECRET = "doctor-secret-771";
let sandbox: Sandbox;
let server: Server;
let apiUrl: string;

/** A minimal Spoor API: the reports list behind Basic auth. */
async function startApi(): Promise<void> {
  const expected = `Basic ${Buffer.from(`${ID}:${SECRET}`).toString("base64")}`;
  server = createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response
        .writeHead(401, { "content-type": "application/json" })
        .end('{"error":"unauthorized"}');
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end('{"reports":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const REGISTRY_ENTRY = (hookPath: string, escalate: number) => `---
- blocking: 0
  escalateprivs: ${escalate}
  exectype: script
  hook: ${hookPath}
  id: 7b3c6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b
  stage: post
  weight: 100
`;

async function goodRoot(): Promise<void> {
  const r = (path: string) => join(sandbox.root, path);
  await install({
    root: sandbox.root,
    choices: { apiIdentifier: ID, apiSecret: SECRET, apiHost: apiUrl },
    daemonEntries: sandbox.daemonEntries,
    hookBundlePath: sandbox.hookBundlePath,
  });
  await mkdir(r("usr/local/cpanel/logs"), { recursive: true });
  for (const log of ["access_log", "error_log", "login_log", "session_log"]) {
    await writeFile(r(`usr/local/cpanel/logs/${log}`), "", { mode: 0o600 });
  }
  await mkdir(r("var/cpanel"), { recursive: true });
  await writeFile(r("var/cpanel/cpanel.config"), "log_successful_logins=1\n");
  await mkdir(r("var/cpanel/hooks/data/Cpanel"), { recursive: true });
  for (const event of [
    "UAPI::Email::add_forwarder",
    "UAPI::Email::delete_forwarder",
    "Api2::Email::addforward",
    "Api2::Email::delforward",
  ]) {
    await writeFile(
      r(`var/cpanel/hooks/data/Cpanel/${event}.yaml`),
      REGISTRY_ENTRY(r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"), 1),
    );
  }
  await mkdir(r("etc/systemd/system/multi-user.target.wants"));
  await symlink(
    "../spoor-agent.service",
    r("etc/systemd/system/multi-user.target.wants/spoor-agent.service"),
  );
}

beforeEach(async () => {
  sandbox = await createSandbox();
  await startApi();
  await goodRoot();
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sandbox.cleanup();
});

const r = (path: string) => join(sandbox.root, path);
const byName = (report: Awaited<ReturnType<typeof doctor>>, name: string) =>
  report.checks.find((check) => check.name === name);

describe("doctor", () => {
  it("passes a complete installation, every check ok", async () => {
    const report = await doctor({ root: sandbox.root });
    expect(report.checks.filter((check) => check.verdict !== "ok")).toEqual([]);
    expect(report.checks.map((check) => check.name)).toEqual([
      "config directory",
      "config file",
      "config content",
      "directories",
      "log access",
      "log error",
      "log login",
      "log session",
      "successful logins",
      "hook script",
      "hook registered",
      "unit spoor-agent.service",
      "spool queue",
      "spool failed",
      "spool quarantine",
      "agent status",
      "api",
    ]);
    expect(report.verdict).toBe("ok");
    expect(byName(report, "api")!.reason).toBe(
      `${apiUrl} accepted the credentials of ${ID} (0 reports for this host)`,
    );
    expect(byName(report, "hook registered")!.reason).toBe(
      "registered for 4 events with escalateprivs: 1",
    );
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it("fails wrong modes with the chmod that fixes them", async () => {
    await chmod(r("etc/spoor/spoor.yml"), 0o644);
    await chmod(r("var/lib/spoor/parsed"), 0o755);
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(report.verdict).toBe("fail");
    expect(byName(report, "config file")).toEqual({
      name: "config file",
      verdict: "fail",
      reason: `${r("etc/spoor/spoor.yml")} has mode 0644; expected 0600.`,
      fix: `chmod 0600 ${r("etc/spoor/spoor.yml")}`,
    });
    expect(byName(report, "directories")).toEqual({
      name: "directories",
      verdict: "fail",
      reason: `${r("var/lib/spoor/parsed")} has mode 0755; expected 0700.`,
      fix: `chmod 0700 ${r("var/lib/spoor/parsed")}`,
    });
  });

  it("fails a missing log", async () => {
    await rm(r("usr/local/cpanel/logs/login_log"));
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(byName(report, "log login")).toEqual({
      name: "log login",
      verdict: "fail",
      reason: `${r("usr/local/cpanel/logs/login_log")} does not exist; its follower waits for it`,
      fix: "check the path in the config (spoor install --non-interactive --login-log PATH)",
    });
  });

  it("fails a unit whose ExecStart lies under a home directory that ProtectHome= hides", async () => {
    const unit = join(sandbox.root, "etc/systemd/system/spoor-agent.service");
    const text = await readFile(unit, "utf8");
    const entry = /^ExecStart=\S+ (?:--\S+ )*(\S+)/m.exec(text)![1]!;
    // ExecStart names the entry through /home (as a checkout in a home directory would).
    const viaHome = `/home/alice/spoor/${entry.split("/").at(-1)}`;
    await writeFile(unit, text.replace(entry, viaHome));
    const check = byName(
      await doctor({ root: sandbox.root, checkApi: false }),
      "unit spoor-agent.service",
    );
    expect(check).toMatchObject({ verdict: "fail" });
    expect(check).toEqual({
      name: "unit spoor-agent.service",
      verdict: "fail",
      reason: `ExecStart names ${viaHome}, which the unit's ProtectHome= hides: it cannot load its code`,
      fix: "install spoor where the units can reach it — outside /home and /root (e.g. a checkout or npm install under /opt/spoor, with node from /usr/bin) — and run spoor install from there",
    });
  });

  it("includes the agent's status: warns when the agent that wrote it is gone", async () => {
    const state = join(sandbox.root, "var/lib/spoor/state");
    const written = {
      pid: 2 ** 22 + 17, // above pid_max: no such process
      started_at: new Date().toISOString(),
      written_at: new Date().toISOString(),
      interval_ms: 5000,
      followers: [],
      queue: { depth: 3 },
      counts: { linesRead: 0, entriesSpooled: 0, delivered: 0, failed: 0 },
    };
    await writeFile(join(state, "status.json"), JSON.stringify(written), { mode: 0o600 });
    expect(byName(await doctor({ root: sandbox.root, checkApi: false }), "agent status")).toEqual({
      name: "agent status",
      verdict: "warn",
      reason: `the agent that wrote ${join(state, "status.json")} (pid ${written.pid}) is not running`,
      fix: "systemctl start spoor-agent.service (its log: journalctl -u spoor-agent.service)",
    });
    await writeFile(join(state, "status.json"), JSON.stringify({ ...written, pid: process.pid }));
    expect(byName(await doctor({ root: sandbox.root, checkApi: false }), "agent status")).toEqual({
      name: "agent status",
      verdict: "ok",
      reason: `running (pid ${process.pid}): 3 queued, last delivery none yet`,
    });
  });

  it("warns when successful logins are not logged, naming the fallback, and still exits ok", async () => {
    await writeFile(r("var/cpanel/cpanel.config"), "log_successful_logins=0\n");
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(report.verdict).toBe("warn");
    expect(byName(report, "successful logins")).toEqual({
      name: "successful logins",
      verdict: "warn",
      reason: `log_successful_logins=0 in ${r("var/cpanel/cpanel.config")}, so webmail logins are read from session_log (fallback active)`,
      fix: 'whmapi1 set_tweaksetting key=log_successful_logins value=1, or WHM » Server Configuration » Tweak Settings » Logging » "Log successful logins"',
    });
  });

  it("fails a missing hook script and registration", async () => {
    await rm(r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"));
    await rm(r("var/cpanel/hooks"), { recursive: true });
    const report = await doctor({ root: sandbox.root, checkApi: false });
    const hook = r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook");
    expect([byName(report, "hook script"), byName(report, "hook registered")]).toEqual([
      {
        name: "hook script",
        verdict: "fail",
        reason: `${hook} does not exist`,
        fix: "spoor install (re-installs the hook script)",
      },
      {
        name: "hook registered",
        verdict: "fail",
        reason: `${hook} is not in cPanel's hook registry (${r("var/cpanel/hooks/data")})`,
        fix: `/usr/local/cpanel/bin/manage_hooks add script ${hook}`,
      },
    ]);
  });

  it("fails a registration missing one of the described events", async () => {
    await rm(r("var/cpanel/hooks/data/Cpanel/Api2::Email::delforward.yaml"));
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(byName(report, "hook registered")!.reason).toBe(
      "not registered for Cpanel/Api2::Email::delforward",
    );
  });

  it("fails a registration without escalateprivs", async () => {
    const hook = r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook");
    await writeFile(
      r("var/cpanel/hooks/data/Cpanel/UAPI::Email::delete_forwarder.yaml"),
      REGISTRY_ENTRY(hook, 0),
    );
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(byName(report, "hook registered")!.reason).toBe(
      "registered without escalateprivs: 1 for Cpanel/UAPI::Email::delete_forwarder: it would run as the cPanel user and cannot write the spool",
    );
  });

  it("fails rejected credentials and an unreachable API, never showing the secret", async () => {
    await install({
      root: sandbox.root,
      choices: { apiSecret: "wrong-secret-5" },
      daemonEntries: sandbox.daemonEntries,
      hookBundlePath: sandbox.hookBundlePath,
    });
    const rejected = await doctor({ root: sandbox.root });
    expect(byName(rejected, "api")).toEqual({
      name: "api",
      verdict: "fail",
      reason: `${apiUrl} rejected the credentials of ${ID} (HTTP 401)`,
      fix: "check the identifier and secret with Spoor, then spoor install --non-interactive --api-identifier ID --api-secret-stdin",
    });
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    const unreachable = await doctor({ root: sandbox.root });
    expect(byName(unreachable, "api")).toMatchObject({
      verdict: "fail",
      reason: `${apiUrl} is unreachable (ECONNREFUSED)`,
    });
    expect(JSON.stringify([rejected, unreachable])).not.toContain("wrong-secret-5");
  });

  it("warns about a stale queue and entries the API refused", async () => {
    const old = r("var/lib/spoor/parsed/login.1700000000.1234567.json");
    await writeFile(old, "{}\n");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await writeFile(r("var/lib/spoor/transmission_failed/login.1700000001.1234568.json"), "{}\n");
    await writeFile(
      r("var/lib/spoor/transmission_failed/login.1700000001.1234568.json.reason"),
      "HTTP 422\n",
    );
    const report = await doctor({ root: sandbox.root, checkApi: false });
    expect(byName(report, "spool queue")).toMatchObject({
      verdict: "warn",
      reason: "1 queued (oldest 2h 0m), 0 sent: nothing has been sent for over an hour",
    });
    expect(byName(report, "spool failed")).toMatchObject({
      verdict: "warn",
      reason: `1 entries refused by the API, in ${r("var/lib/spoor/transmission_failed")}`,
    });
  });

  it("fails a config that does not load and skips the rest", async () => {
    await writeFile(r("etc/spoor/spoor.yml"), "followers: [\n", { mode: 0o600 });
    const report = await doctor({ root: sandbox.root });
    expect(report.verdict).toBe("fail");
    expect(report.checks.map((check) => `${check.verdict} ${check.name}`)).toEqual([
      "ok config directory",
      "ok config file",
      "fail config content",
    ]);
  });
});
