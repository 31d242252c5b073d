// Latency benchmark: the agent (its own process) and the real receiver; login lines are
// appended to login_log at ~20/s for ~30 s; each line's latency is from its append to the
// moment the receiver's report count (GET /api/stats, polled back to back) includes it.
// Usage (after the build): node bench/latency-bench.js [SECONDS] [LINES_PER_SECOND]
import { spawn } from "node:child_process";
import { appendFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { benchConfig, machine, percentile, startReceiver } from "./bench-support.js";

const SECONDS = Number(process.argv[2] ?? 30);
const RATE = Number(process.argv[3] ?? 20);
const LINES = SECONDS * RATE;
const AGENT = fileURLToPath(new URL("./agent-process.js", import.meta.url));

const receiver = await startReceiver();
const bench = await benchConfig(receiver.url, ["login"]);
const configPath = join(bench.root, "config.json");
await writeFile(configPath, JSON.stringify(bench.config), { mode: 0o600 });
await writeFile(bench.logPath("login"), "");
const agent = spawn(process.execPath, [AGENT, configPath], { stdio: ["ignore", "ignore", "pipe"] });
try {
  await new Promise((resolve, reject) => {
    const lines = createInterface({ input: agent.stderr });
    lines.on("line", (line) => {
      if (line.includes('"msg":"log started"')) resolve();
    });
    agent.once("exit", (code) => reject(new Error(`agent exited with ${code}`)));
  });
  const appendedAt = [];
  const receivedAt = [];
  let done = false;
  const poller = (async () => {
    while (!done || receivedAt.length < appendedAt.length) {
      const { reports } = await receiver.stats();
      const now = performance.now();
      while (receivedAt.length < Math.min(reports, appendedAt.length)) receivedAt.push(now);
    }
  })();
  const start = performance.now();
  for (let n = 0; n < LINES; n += 1) {
    const due = start + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const second = String(n % 60).padStart(2, "0");
    const line = `[2024-08-16 18:${String(Math.floor(n / 60) % 60).padStart(2, "0")}:${second} +0000] info [webmaild] 203.0.113.${n % 250} - user${n}@example.com (possessor: owner1) - SUCCESS LOGIN webmaild\n`;
    appendedAt.push(performance.now());
    await appendFile(bench.logPath("login"), line);
  }
  done = true;
  await poller;
  const latencies = appendedAt.map((at, i) => receivedAt[i] - at).sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`machine: ${machine()}`);
  console.log(
    `append → receiver latency over ${LINES} login lines at ${RATE}/s: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms (target p99 ≤ 100 ms: ${p99 <= 100 ? "met" : "NOT met"})`,
  );
} finally {
  agent.kill("SIGTERM");
  await new Promise((resolve) => agent.once("exit", resolve));
  await receiver.stop();
  await rm(bench.root, { recursive: true, force: true });
}
