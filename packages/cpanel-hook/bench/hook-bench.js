#!/usr/bin/env node
// Start-up-inclusive latency of the bundled hook: spawns dist/hook.js 200 times with the
// original's E1 payload (an added forwarder) into a temp spool and reports percentiles of the
// wall time from spawn to exit, as cPanel (and the user's waiting API call) sees it.
// Direct route as root; as root it also measures the error_log fallback (run as nobody), and
// a bare `node -e ""` as the floor. Usage: pnpm bench [runs]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { copyReadableByOthers, forwarderHookData, hookPayload, NOBODY } from "@spoor/test-support";

const HOOK = fileURLToPath(new URL("../dist/hook.js", import.meta.url));
const RUNS = Number(process.argv[2] ?? 200);
const WARMUP = 5;
const TARGET_P99_MS = 150;

const PAYLOAD = hookPayload("UAPI::Email::add_forwarder", forwarderHookData());

function runOnce(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      stdio: ["pipe", "ignore", "ignore"],
      ...options,
    });
    child.on("error", reject);
    child.on("close", () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
    child.stdin.on("error", () => undefined);
    child.stdin.end(PAYLOAD);
  });
}

async function measure(label, args, options) {
  for (let i = 0; i < WARMUP; i += 1) await runOnce(args, options);
  const times = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await runOnce(args, options));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
  console.log(
    `${label.padEnd(34)} runs=${RUNS} p50=${at(0.5)} ms p90=${at(0.9)} ms p99=${at(0.99)} ms max=${at(1)} ms`,
  );
  return Number(at(0.99));
}

if (!existsSync(HOOK)) {
  console.error(`${HOOK} is missing: build the package first`);
  process.exit(1);
}
const root = await mkdtemp(join(tmpdir(), "spoor-hook-bench-"));
try {
  await chmod(root, 0o700);
  await mkdir(join(root, "etc"), { mode: 0o700 });
  const state = join(root, "state");
  const config = join(root, "etc", "spoor.yml");
  await writeFile(
    config,
    [
      "followers: {}",
      "transmission:",
      "  credentials: { api_identifier: bench, api_secret: bench }",
      "  host: https://spoor.example.test",
      "application:",
      `  parsed_entries_path: ${join(state, "parsed")}`,
      `  transmitted_entries_path: ${join(state, "transmitted")}`,
      `  transmission_failed_entries_path: ${join(state, "failed")}`,
      `  quarantine_path: ${join(state, "quarantine")}`,
      `  state_path: ${join(state, "state")}`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  await measure('node -e "" (floor)', ["-e", ""]);
  const p99 = await measure("hook, direct spool write", [HOOK, "--config", config]);
  const spooled = (await readdir(join(state, "parsed"))).length;
  console.log(`spool files written: ${spooled} (expected ${RUNS + WARMUP})`);
  if (process.geteuid?.() === 0) {
    // nobody runs a world-readable copy: the checkout may sit under a 0700 directory.
    const copy = await copyReadableByOthers(HOOK);
    try {
      await measure("hook, error_log fallback (nobody)", [copy.file, "--config", config], {
        ...NOBODY,
        cwd: copy.path,
      });
    } finally {
      await copy.cleanup();
    }
  }
  console.log(
    `target p99 < ${TARGET_P99_MS} ms (direct route): ${p99 < TARGET_P99_MS ? "met" : "MISSED"}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
