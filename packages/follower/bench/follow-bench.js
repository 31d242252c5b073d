// Throughput and latency of @spoor/follower on the real cPanel access_log.
//
//   node bench/follow-bench.js [--mb 200] [--appends 1000] [--interval-ms 10]
//
// 1. live: a child process appends the fixture access_log (repeated to ~--mb MB) to a
//    temp log as fast as it can while the follower reads it; every batch goes through
//    the parsers' prefilter (scanInteresting) when @spoor/parsers is built, and is committed.
// 2. catch-up: the same file read again from a checkpoint at offset 0 (no writer).
// 3. latency: one line appended every --interval-ms, --appends times; the time from the
//    write to the batch that holds the line arriving.
// Needs `dist/` (pnpm turbo run build --filter=@spoor/follower).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { appendFile, mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCheckpointStore, followFile } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, "..", "..", "..", "fixtures", "cpanel-v120", "access_log");
const parsersDist = join(here, "..", "..", "parsers", "dist", "index.js");
const { values: args } = parseArgs({
  options: {
    mb: { type: "string", default: "200" },
    appends: { type: "string", default: "1000" },
    "interval-ms": { type: "string", default: "20" },
  },
});

/** Counts lines with the parsers' prefilter if it is built, else by counting newlines. */
async function lineCounter() {
  if (existsSync(parsersDist)) {
    const parsers = await import(parsersDist);
    if (typeof parsers.scanInteresting === "function") {
      let interesting = 0;
      const visit = () => {
        interesting += 1;
      };
      return {
        label: "follower + scanInteresting (parsers prefilter)",
        count: (b) => parsers.scanInteresting("access", b.bytes, b.start, b.end, visit),
        interesting: () => interesting,
      };
    }
  }
  return {
    label: "follower alone (parsers not built: newline count)",
    count: (b) => {
      let n = 0;
      for (
        let i = b.bytes.indexOf(10, b.start);
        i >= 0 && i < b.end;
        i = b.bytes.indexOf(10, i + 1)
      )
        n += 1;
      return n;
    },
    interesting: () => undefined,
  };
}

/** Reads until `expectedLines`, committing every batch without waiting for the save
 *  (commits coalesce), then waits for the last commit. */
async function consume(follower, counter, expectedLines) {
  let lines = 0;
  let batches = 0;
  let lastCommit = Promise.resolve();
  for await (const batch of follower) {
    lines += counter.count(batch);
    batches += 1;
    lastCommit = follower.commit(batch);
    lastCommit.catch(() => undefined);
    if (lines >= expectedLines) break;
  }
  await lastCommit;
  return { lines, batches };
}

function appendInChild(log, source, repeat) {
  const script = `
    const fs = require("node:fs");
    const data = fs.readFileSync(process.argv[1]);
    const fd = fs.openSync(process.argv[2], "a");
    for (let i = 0; i < Number(process.argv[3]); i++) fs.writeSync(fd, data);
    fs.closeSync(fd);`;
  const child = spawn(process.execPath, ["-e", script, source, log, String(repeat)], {
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${code}`))));
  });
}

function rate(lines, bytes, ms) {
  return {
    seconds: +(ms / 1000).toFixed(2),
    linesPerSecond: Math.round(lines / (ms / 1000)),
    mbPerSecond: +(bytes / 1e6 / (ms / 1000)).toFixed(1),
  };
}

async function throughput(dir, counter) {
  const data = readFileSync(fixture);
  const fixtureLines = data.toString("latin1").split("\n").length - 1;
  const repeat = Math.ceil((Number(args.mb) * 1e6) / data.length);
  const log = join(dir, "access_log");
  writeFileSync(log, "");
  const expected = fixtureLines * repeat;
  const state = join(dir, "state-live");
  const live = followFile({ path: log, name: "access", checkpoints: createCheckpointStore(state) });
  const t0 = performance.now();
  const [result] = await Promise.all([
    consume(live, counter, expected),
    appendInChild(log, fixture, repeat),
  ]);
  const liveMs = performance.now() - t0;
  await live.close();
  const bytes = (await stat(log)).size;

  const store = createCheckpointStore(join(dir, "state-catchup"));
  const { dev, ino } = await stat(log);
  await store.save("access", {
    path: log,
    dev,
    ino,
    offset: 0,
    updatedAt: new Date().toISOString(),
  });
  const catchUp = followFile({ path: log, name: "access", checkpoints: store });
  const t1 = performance.now();
  const again = await consume(catchUp, counter, expected);
  const catchUpMs = performance.now() - t1;
  await catchUp.close();
  return {
    bytes,
    lines: result.lines,
    batches: result.batches,
    interestingLines: counter.interesting(),
    live: rate(result.lines, bytes, liveMs),
    catchUp: { ...rate(again.lines, bytes, catchUpMs), batches: again.batches },
  };
}

async function latency(dir) {
  const log = join(dir, "latency_log");
  writeFileSync(log, "");
  const appends = Number(args.appends);
  const interval = Number(args["interval-ms"]);
  const sentAt = new Array(appends);
  const delays = [];
  let started;
  const ready = new Promise((resolve) => {
    started = resolve;
  });
  const follower = followFile({
    path: log,
    name: "latency",
    checkpoints: createCheckpointStore(join(dir, "state-latency")),
    onNotice: (n) => n.kind === "started" && started(),
  });
  const receiving = (async () => {
    for await (const batch of follower) {
      const now = performance.now();
      for (const line of batch.bytes.toString("latin1", batch.start, batch.end).split("\n")) {
        if (line) delays.push(now - sentAt[Number(line.split(" ")[1])]);
      }
      await follower.commit(batch);
      if (delays.length >= appends) break;
    }
  })();
  await ready;
  for (let i = 0; i < appends; i++) {
    sentAt[i] = performance.now();
    await appendFile(log, `line ${i} ${"x".repeat(200)}\n`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  await receiving;
  await follower.close();
  delays.sort((a, b) => a - b);
  const at = (q) => +delays[Math.min(delays.length - 1, Math.floor(q * delays.length))].toFixed(2);
  return {
    appends,
    intervalMs: interval,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: at(1),
  };
}

const dir = await mkdtemp(join(tmpdir(), "spoor-follow-bench-"));
try {
  const counter = await lineCounter();
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus().length} x ${cpus()[0]?.model ?? "unknown"}`,
    measured: counter.label,
    throughput: await throughput(dir, counter),
    latency: await latency(dir),
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await rm(dir, { recursive: true, force: true });
}
