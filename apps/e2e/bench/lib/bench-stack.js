// The processes a benchmark measures: the real receiver and spoor daemons over a temp root.

import { spawn } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { DAEMON_ENVIRONMENT, DAEMON_NODE_FLAGS } from "@spoor/agent/launch";
import { resolveDefaults, writeConfig } from "@spoor/config";
import { makeCpanelRoot } from "@spoor/test-support";

const repo = (/** @type {string} */ relative) =>
  fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

/** @typedef {import("node:child_process").ChildProcess} ChildProcess */

/** The receiver on a free port (`--db :memory:`, credentials ID:SECRET). */
export { startReceiver } from "@spoor/test-support";

/**
 * A temp root with empty logs for `followers` and a config (every path explicit) at
 * `<root>/etc/spoor/spoor.yml`.
 * @param {string} host
 * @param {readonly ("access" | "error" | "login" | "session")[]} followers
 */
export async function makeRoot(host, followers) {
  const cpanel = await makeCpanelRoot("spoor-bench-e2e-", followers);
  const defaults = resolveDefaults(cpanel.path);
  /** @type {Record<string, { name: string }>} */
  const configured = {};
  for (const type of followers) configured[type] = { name: defaults.logPaths[type] };
  await writeConfig(defaults.configPath, {
    followers: configured,
    transmission: {
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
      host,
      reporter: "bench-host",
    },
    application: defaults.application,
  });
  return {
    root: cpanel.path,
    configPath: defaults.configPath,
    logPath: cpanel.logPath,
    cleanup: cpanel.cleanup,
  };
}

/**
 * Starts `apps/daemons/bin/<bin>.js --config <configPath>` the way its unit does (the
 * daemons' Node flags and environment) and resolves once it logged `ready` (a message of its
 * JSON log).
 * @param {string} bin
 * @param {string} configPath
 * @param {(msg: Record<string, unknown>) => boolean} ready
 * @returns {Promise<{ pid: number; stop(): Promise<void> }>}
 */
export async function startDaemon(bin, configPath, ready) {
  const child = spawn(
    process.execPath,
    [...DAEMON_NODE_FLAGS, repo(`apps/daemons/bin/${bin}.js`), "--config", configPath],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...DAEMON_ENVIRONMENT },
    },
  );
  await new Promise((resolve, reject) => {
    createInterface({ input: /** @type {import("node:stream").Readable} */ (child.stderr) }).on(
      "line",
      (line) => {
        try {
          if (ready(JSON.parse(line))) resolve(undefined);
        } catch {
          // not a JSON line: ignored
        }
      },
    );
    child.once("exit", (code) => reject(new Error(`${bin} exited with ${code}`)));
  });
  return { pid: /** @type {number} */ (child.pid), stop: () => stop(child) };
}

/** @param {ChildProcess} child */
function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
    child.once("exit", () => resolve(undefined));
    child.kill("SIGTERM");
  }).then(() => undefined);
}

/** `nproc`, CPU model, memory, Node version and the load average, for the README. */
export function machine() {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  return `${cpus().length} × ${cpu}, ${gib} GiB, Node ${process.version}, load average ${load}`;
}
