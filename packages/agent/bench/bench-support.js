// Shared helpers of the agent benchmarks (plain ESM; run after `turbo run build`).
import { cpus, loadavg, totalmem } from "node:os";
import { resolveDefaults } from "@spoor/config";
import { makeCpanelRoot, startReceiver as startSupportReceiver } from "@spoor/test-support";

/**
 * Starts the real receiver (`--db :memory:`, credentials ID:SECRET) through
 * @spoor/test-support and resolves with its URL, stats() and stop(). `onAccepted(ms)` gets the
 * wall-clock time of each accepted report POST, from the receiver's own request log (so
 * measuring adds no polling load).
 */
export async function startReceiver(onAccepted) {
  const receiver = await startSupportReceiver({
    onStderrLine:
      onAccepted === undefined
        ? undefined
        : (line) => {
            const record = JSON.parse(line);
            if (
              record.msg === "request" &&
              record.path === "/api/reports" &&
              record.status === 202
            ) {
              onAccepted(Date.parse(record.time));
            }
          },
  });
  return { url: receiver.url, stats: () => receiver.get("/api/stats"), stop: receiver.stop };
}

/** A throw-away root and a SpoorConfig under it (as `--root` would give). */
export async function benchConfig(host, followers = []) {
  const { path: root } = await makeCpanelRoot("spoor-bench-");
  const defaults = resolveDefaults(root);
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
