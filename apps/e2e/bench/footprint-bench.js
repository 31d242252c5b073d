// Footprint of spoor on a cPanel-like load: resident memory (VmRSS, VmHWM, and Pss, which
// counts the node binary's shared pages once across processes) and CPU seconds
// (utime + stime) of the one-process agent and of the four unit processes (access, error and
// login followers + transmitter, summed), idle and while the real v120 corpus is replayed.
//   node bench/footprint-bench.js     (after `turbo run build`; pnpm bench runs it)
// Env: FOOTPRINT_IDLE_SECONDS (60), FOOTPRINT_LOAD_SECONDS (60), FOOTPRINT_RATE (1000 lines/s),
// FOOTPRINT_LAYOUTS ("agent,units").
import { readFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { machine, makeRoot, startDaemon, startReceiver } from "./lib/bench-stack.js";
import { sampleProcesses } from "./lib/proc-stats.js";

const IDLE = Number(process.env.FOOTPRINT_IDLE_SECONDS ?? 60);
const LOAD = Number(process.env.FOOTPRINT_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.FOOTPRINT_RATE ?? 1000);
const LAYOUTS = (process.env.FOOTPRINT_LAYOUTS ?? "agent,units").split(",");
/** @type {Array<"access" | "error" | "login">} */
const FOLLOWERS = ["access", "error", "login"];
const TICK_MS = 100;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every corpus line of the followed logs, interleaved in proportion to each log's size. */
function replayLines() {
  /** @type {Array<{ type: "access" | "error" | "login"; line: Buffer }>} */
  const merged = [];
  const perLog = FOLLOWERS.map((type) => {
    const bytes = readFileSync(
      new URL(`../../../fixtures/cpanel-v120/${type}_log`, import.meta.url),
    );
    /** @type {Buffer[]} */
    const lines = [];
    let start = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
    return { type, lines };
  });
  const total = perLog.reduce((sum, log) => sum + log.lines.length, 0);
  for (let n = 0; n < total; n++) {
    for (const log of perLog) {
      const index = Math.floor((n * log.lines.length) / total);
      if (Math.floor(((n + 1) * log.lines.length) / total) > index)
        merged.push({ type: log.type, line: /** @type {Buffer} */ (log.lines[index]) });
    }
  }
  return merged;
}

/** @param {number} n a webmail login (one a second rides along, so the transmitter works too) */
function loginLine(n) {
  return `[2024-08-16 18:${String(Math.floor(n / 60) % 60).padStart(2, "0")}:${String(n % 60).padStart(2, "0")} +0000] info [webmaild] 203.0.113.${n % 250} - bench${n}@example.com (possessor: owner1) - SUCCESS LOGIN webmaild\n`;
}

/**
 * Watches `pids` for `seconds`, sampling every second; returns CPU used and memory seen.
 * @param {number[]} pids
 * @param {number} seconds
 * @param {(second: number) => Promise<void>} [each] work done during each second
 */
async function measure(pids, seconds, each) {
  const first = sampleProcesses(pids);
  let maxRss = first.rssKiB;
  let sumRss = 0;
  const started = Date.now();
  for (let second = 0; second < seconds; second++) {
    if (each) await each(second);
    else await sleep(started + (second + 1) * 1000 - Date.now());
    const sample = sampleProcesses(pids);
    maxRss = Math.max(maxRss, sample.rssKiB);
    sumRss += sample.rssKiB;
  }
  const last = sampleProcesses(pids);
  const elapsed = (Date.now() - started) / 1000;
  return {
    seconds: Number(elapsed.toFixed(1)),
    cpuSeconds: Number((last.cpuSeconds - first.cpuSeconds).toFixed(2)),
    cpuSecondsPerMinute: Number((((last.cpuSeconds - first.cpuSeconds) * 60) / elapsed).toFixed(3)),
    rssMiBEnd: Number((last.rssKiB / 1024).toFixed(1)),
    rssMiBAvg: Number((sumRss / seconds / 1024).toFixed(1)),
    rssMiBMax: Number((maxRss / 1024).toFixed(1)),
    hwmMiB: Number((last.hwmKiB / 1024).toFixed(1)),
    pssMiBEnd: Number((last.pssKiB / 1024).toFixed(1)),
  };
}

/** @param {string} layout */
async function run(layout) {
  const receiver = await startReceiver();
  const root = await makeRoot(receiver.url, FOLLOWERS);
  /** @type {Array<{ pid: number; stop(): Promise<void> }>} */
  const daemons = [];
  try {
    if (layout === "agent") {
      const started = new Set();
      daemons.push(
        await startDaemon("spoor-agent", root.configPath, (l) => {
          if (l.msg === "log started") started.add(l.type);
          return started.size === FOLLOWERS.length;
        }),
      );
    } else {
      for (const type of FOLLOWERS) {
        daemons.push(
          await startDaemon(
            `spoor-${type}-follower`,
            root.configPath,
            (l) => l.msg === "log started",
          ),
        );
      }
      daemons.push(
        await startDaemon("spoor-transmitter", root.configPath, (l) => l.msg === "transmitting"),
      );
    }
    const pids = daemons.map((d) => d.pid);
    await sleep(5000); // start-up work (first prune, watcher set-up) is not idle time
    const idle = await measure(pids, IDLE);
    const lines = replayLines();
    const perTick = Math.round((RATE * TICK_MS) / 1000);
    let next = 0;
    let logins = 0;
    const load = await measure(pids, LOAD, async (second) => {
      const start = Date.now();
      for (let tick = 0; tick < 1000 / TICK_MS; tick++) {
        /** @type {Record<string, Buffer[]>} */
        const batch = { access: [], error: [], login: [] };
        for (let k = 0; k < perTick; k++) {
          const { type, line } = /** @type {{ type: string; line: Buffer }} */ (
            lines[next++ % lines.length]
          );
          /** @type {Buffer[]} */ (batch[type]).push(line);
        }
        if (tick === 0) /** @type {Buffer[]} */ (batch.login).push(Buffer.from(loginLine(second)));
        await Promise.all(
          Object.entries(batch).map(([type, parts]) =>
            parts.length > 0
              ? appendFile(root.logPath(/** @type {"access"} */ (type)), Buffer.concat(parts))
              : undefined,
          ),
        );
        await sleep(start + (tick + 1) * TICK_MS - Date.now());
      }
      logins += 1;
    });
    return { layout, processes: pids.length, idle, load, linesReplayed: next, loginsSent: logins };
  } finally {
    for (const daemon of daemons) await daemon.stop();
    await receiver.stop();
    await root.cleanup();
  }
}

const results = [];
for (const layout of LAYOUTS) {
  results.push(await run(layout));
  console.error(`${layout}: ${JSON.stringify(results.at(-1))}`);
}
console.log(
  JSON.stringify(
    {
      bench: "footprint",
      machine: machine(),
      date: new Date().toISOString(),
      idleSeconds: IDLE,
      loadSeconds: LOAD,
      rate: RATE,
      results,
    },
    null,
    2,
  ),
);
