// Latency benchmark: the agent (its own process, as `spoor agent`) and the real receiver.
// Login lines are appended to login_log at ~20/s for ~30 s; each line's latency runs from
// its append to the receiver's log line for the accepted POST (wall clock, 1 ms resolution;
// the n-th accepted report is matched to the n-th line). Nothing polls, so measuring adds no
// load. Usage (after the build): node bench/latency-bench.js [SECONDS] [LINES_PER_SECOND]
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

const receivedAt = [];
const receiver = await startReceiver((ms) => receivedAt.push(ms));
const bench = await benchConfig(receiver.url, ["login"]);
const configPath = join(bench.root, "config.json");
await writeFile(configPath, JSON.stringify(bench.config), { mode: 0o600 });
await writeFile(bench.logPath("login"), "");
const agent = spawn(process.execPath, [AGENT, configPath], { stdio: ["ignore", "ignore", "pipe"] });
try {
  await new Promise((resolve, reject) => {
    createInterface({ input: agent.stderr }).on("line", (line) => {
      if (line.includes('"msg":"log started"')) resolve();
    });
    agent.once("exit", (code) => reject(new Error(`agent exited with ${code}`)));
  });
  const appendedAt = [];
  const start = Date.now();
  for (let n = 0; n < LINES; n += 1) {
    const wait = start + (n * 1000) / RATE - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const minute = String(Math.floor(n / 60) % 60).padStart(2, "0");
    const second = String(n % 60).padStart(2, "0");
    const line = `[2024-08-16 18:${minute}:${second} +0000] info [webmaild] 203.0.113.${n % 250} - user${n}@example.com (possessor: owner1) - SUCCESS LOGIN webmaild\n`;
    appendedAt.push(Date.now());
    await appendFile(bench.logPath("login"), line);
  }
  const deadline = Date.now() + 30_000;
  while (receivedAt.length < LINES && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (receivedAt.length < LINES) throw new Error(`only ${receivedAt.length}/${LINES} arrived`);
  const latencies = appendedAt.map((at, i) => receivedAt[i] - at).sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`machine: ${machine()}`);
  console.log(
    `append → receiver latency over ${LINES} login lines at ${RATE}/s: p50 ${p50} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms (target p99 ≤ 100 ms: ${p99 <= 100 ? "met" : "NOT met"})`,
  );
} finally {
  agent.kill("SIGTERM");
  await new Promise((resolve) => agent.once("exit", resolve));
  await receiver.stop();
  await rm(bench.root, { recursive: true, force: true });
}
