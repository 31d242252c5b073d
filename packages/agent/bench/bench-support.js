// Shared helpers of the agent benchmarks (plain ESM; run after `turbo run build`).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { resolveDefaults } from "@spoor/config";

// The server gets a config of its own (never the machine's /etc/spoor/server.yml), removed at exit.
const serverConfigDir = mkdtempSync(join(tmpdir(), "spoor-test-server-"));
const SERVER_CONFIG = join(serverConfigDir, "server.yml");
writeFileSync(SERVER_CONFIG, "{}\n", { mode: 0o600 });
process.once("exit", () => rmSync(serverConfigDir, { recursive: true, force: true }));

const RECEIVER = fileURLToPath(
  new URL("../../../apps/daemons/bin/spoor-server.js", import.meta.url),
);

/**
 * Starts the real receiver (`--db :memory:`) and resolves with its URL and a stop().
 * `onAccepted(ms)` gets the wall-clock time of each accepted report POST, from the receiver's
 * own request log (so measuring adds no polling load).
 */
export async function startReceiver(onAccepted) {
  const child = spawn(
    process.execPath,
    [
      RECEIVER,
      "--config",
      SERVER_CONFIG,
      "--listen",
      "127.0.0.1:0",
      "--db",
      ":memory:",
      "--credentials",
      "ID:SECRET",
    ],
    { stdio: ["ignore", "pipe", onAccepted === undefined ? "ignore" : "pipe"] },
  );
  if (onAccepted !== undefined) {
    createInterface({ input: child.stderr }).on("line", (line) => {
      const record = JSON.parse(line);
      if (record.msg === "request" && record.path === "/api/reports" && record.status === 202) {
        onAccepted(Date.parse(record.time));
      }
    });
  }
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  const auth = `Basic ${Buffer.from("ID:SECRET").toString("base64")}`;
  return {
    url,
    async stats() {
      const response = await fetch(`${url}/api/stats`, { headers: { authorization: auth } });
      return response.json();
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** A throw-away root and a SpoorConfig under it (as `--root` would give). */
export async function benchConfig(host, followers = []) {
  const root = await mkdtemp(join(tmpdir(), "spoor-bench-"));
  const defaults = resolveDefaults(root);
  await mkdir(join(root, "usr/local/cpanel/logs"), { recursive: true });
  const config = {
    root: defaults.root,
    sourcePath: defaults.configPath,
    followers: Object.fromEntries(
      followers.map((type) => [type, { name: defaults.logPaths[type] }]),
    ),
    transmission: {
      ...defaults.transmission,
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
      host,
      reporter: "bench-host",
    },
    application: defaults.application,
  };
  return { root, config, logPath: (type) => defaults.logPaths[type] };
}

/** One line describing this machine, for the README. */
export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} at the end`;
}

/** The p-th percentile (0–100) of sorted numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
