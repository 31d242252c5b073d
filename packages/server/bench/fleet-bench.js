// pnpm --filter @spoor/server bench:fleet — the fleet simulation of issue 15: simulated hosts
// (history backfilled, diurnal logins, occasional internal forwarders, a burst of hosts
// sending a day of backlog at once, planted takeovers) against SQLite with one process and
// PostgreSQL with 1, 2 and 4 processes. Prints one JSON line per run. BENCH_HOSTS (default
// 1000,10000), BENCH_STEADY_S (default 30), BENCH_SETUPS (default sqlite:1,postgres:1,postgres:2,postgres:4),
// BENCH_STEADY_RATE (reports/s of an open-loop steady phase; default 0: 16 in flight, each
// sent when the previous one is answered), BENCH_SERVER_ARGS (node options of the server
// processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { startPostgresCluster } from "@spoor/test-support";
import { postReport, startAlertSink } from "./bench-http.js";

const SIZES = (process.env.BENCH_HOSTS ?? "1000,10000").split(",").map(Number);
const STEADY_S = Number(process.env.BENCH_STEADY_S ?? 30);
const SETUPS = (process.env.BENCH_SETUPS ?? "sqlite:1,postgres:1,postgres:2,postgres:4").split(",");
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 0);
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
const BURST_HOSTS = 500;
const TAKEOVERS = 5;
const IN_FLIGHT = 16;
const AUTH = `Basic ${Buffer.from("bench:bench-secret-0123456789").toString("base64")}`;
const DAY = 86_400;
const T0 = 1_770_000_000; // the simulated "now" of the steady phase
const BIN = fileURLToPath(new URL("../bin/spoor-server.js", import.meta.url));

// A deterministic generator, so every run sends the same fleet.
let seed = 15;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const host = (h) => `cp${h}.fleet.example`;
const mailbox = (h, m) => `user${m}@site${h}.example`;
const homeIp = (h, m) => `10.${(h >> 8) & 255}.${h & 255}.${m + 1}`;
const login = (h, m, time, ip = homeIp(h, m)) => ({
  type: "login",
  time,
  host: host(h),
  mailbox_address: mailbox(h, m),
  ip,
});
/** Logins of a host's 3 mailboxes over `days` days before `end`, heavier by day (diurnal). */
function history(h, end, days) {
  const entries = [];
  for (let d = days; d >= 1; d -= 1) {
    for (let m = 0; m < 3; m += 1) {
      const hour = random() < 0.8 ? 8 + Math.floor(random() * 10) : Math.floor(random() * 24);
      entries.push(login(h, m, end - d * DAY + hour * 3600));
    }
  }
  if (random() < 0.05) {
    entries.push({
      type: "forward_added",
      time: end - DAY,
      host: host(h),
      mailbox_address: mailbox(h, 0),
      ip: homeIp(h, 0),
      forward_recipient: `archive@site${h}.example`,
    });
  }
  return entries;
}

// CPU seconds a process used (its own, and its reaped children's where `children`), from
// /proc (clock ticks of 1/100 s): the machine is shared, so CPU per entry says more than
// wall-clock rates alone. 0 where /proc cannot tell.
function cpuSeconds(pid, children = false) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    return (f[11] + f[12] + (children ? f[13] + f[14] : 0)) / 100;
  } catch {
    return 0;
  }
}
/** CPU seconds of a PostgreSQL cluster: the postmaster, its live and its ended backends. */
function clusterCpuSeconds(dir) {
  let postmaster;
  try {
    postmaster = Number(readFileSync(join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return 0;
  }
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster) {
        total += cpuSeconds(entry);
      }
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10
  );
};

async function startServers(db, count, hook) {
  const dir = mkdtempSync(join(tmpdir(), "spoor-fleet-"));
  const config = join(dir, "server.yml");
  writeFileSync(
    config,
    `notify:\n  - type: webhook\n    url: ${hook}\n    secret: fleet-bench-secret-0123\n    min_severity: high\n    max_per_hour: 100000\n`,
    { mode: 0o600 },
  );
  const start = async () => {
    const child = spawn(
      process.execPath,
      [
        ...SERVER_ARGS,
        BIN,
        "--config",
        config,
        "--db",
        db,
        "--listen",
        "127.0.0.1:0",
        "--credentials",
        "bench:bench-secret-0123456789",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    // Errors of the server go to this stderr (the first few), the rest of its log is dropped.
    let shown = 0;
    createInterface({ input: child.stderr }).on("line", (line) => {
      if (line.includes('"level":"error"') && shown++ < 5) console.error(line);
    });
    const [line] = await once(createInterface({ input: child.stdout }), "line");
    return { child, url: line.trim() };
  };
  const servers = [await start()]; // the first migrates; the others find the schema ready
  servers.push(...(await Promise.all(Array.from({ length: count - 1 }, start))));
  return {
    urls: servers.map((s) => s.url),
    cpuSeconds: () => servers.reduce((sum, { child }) => sum + cpuSeconds(child.pid), 0),
    async stop() {
      for (const { child } of servers) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT * 4 });
let requestCount = 0;
let failures = 0;
/** POSTs until a 202 (same key, next process), as an agent retries; resolves with the ms of the 202. */
async function post(urls, entries, key) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await postOnce(urls, entries, key);
    } catch (error) {
      failures += 1;
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
function postOnce(urls, entries, key) {
  const url = urls[requestCount++ % urls.length];
  const body = JSON.stringify({ report: { entries, metadata: { reporter: entries[0].host } } });
  const started = performance.now();
  return postReport(url, { agent, authorization: AUTH }, body, key).then(
    () => performance.now() - started,
  );
}

async function sendAll(urls, reports, width = IN_FLIGHT) {
  const latencies = [];
  let next = 0;
  let entries = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < reports.length) {
        const [key, batch] = reports[next++];
        latencies.push(await post(urls, batch, key));
        entries += batch.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    entries,
    seconds,
    entries_per_s: Math.round(entries / seconds),
    post_p99_ms: percentile(latencies, 99),
  };
}

async function run(setup, hosts) {
  const [driver, processes] = setup.split(":");
  const alertsAt = new Map();
  const { sink, url: hook } = await startAlertSink((alert) => {
    if (alert.rule === "takeover-sequence")
      for (const m of alert.mailbox_addresses)
        if (!alertsAt.has(m)) alertsAt.set(m, performance.now());
  });
  const dir = mkdtempSync(join(tmpdir(), "spoor-fleet-db-"));
  const cluster = driver === "postgres" ? await startPostgresCluster() : undefined;
  const db = cluster
    ? await cluster.createDatabase("fleet")
    : `sqlite:${join(dir, "spoor.sqlite")}`;
  const servers = await startServers(db, Number(processes), hook);
  seed = 15;
  failures = 0;
  // CPU milliseconds per entry of the servers and of PostgreSQL over a phase.
  const cpu = () => ({
    server: servers.cpuSeconds(),
    pg: cluster ? clusterCpuSeconds(cluster.dir) : 0,
  });
  const perEntry = (before, entries) => {
    const after = cpu();
    const ms = (s) => Math.round(((s * 1000) / Math.max(1, entries)) * 100) / 100;
    return { server: ms(after.server - before.server), postgres: ms(after.pg - before.pg) };
  };
  try {
    let mark = cpu();
    // 1. Backfill: every host sends 8 days of history (one report per host).
    const backfill = await sendAll(
      servers.urls,
      Array.from({ length: hosts }, (_, h) => [`hist-${h}`, history(h, T0, 8)]),
    );
    backfill.cpu = perEntry(mark, backfill.entries);
    mark = cpu();
    // 2. Steady: diurnal logins, one small report per host visit, for STEADY_S seconds, with
    //    the planted takeovers (a login from a new network, a forwarder out 40 s later) halfway.
    const steadyLatencies = [];
    let steadyEntries = 0;
    const forwarderSent = new Map();
    const deadline = performance.now() + STEADY_S * 1000;
    let visit = 0;
    const plantAt = performance.now() + (STEADY_S * 1000) / 2;
    let planted = false;
    const plant = async () => {
      planted = true;
      for (let t = 0; t < TAKEOVERS; t += 1) {
        const h = Math.floor((t * hosts) / TAKEOVERS);
        const time = T0 + 3600;
        const entries = [
          login(h, 1, time, `203.0.113.${t + 10}`),
          {
            type: "forward_added",
            time: time + 40,
            host: host(h),
            mailbox_address: mailbox(h, 1),
            ip: `203.0.113.${t + 10}`,
            forward_recipient: `drop${t}@evil.example`,
          },
        ];
        steadyLatencies.push(await post(servers.urls, entries, `take-${t}`));
        forwarderSent.set(mailbox(h, 1), performance.now());
      }
    };
    const visitOnce = async () => {
      const n = visit++;
      const h = n % hosts;
      const time = T0 + Math.floor(n / hosts) * 60 + (n % 3600);
      const batch = [login(h, n % 3, time), login(h, (n + 1) % 3, time + 5)];
      steadyLatencies.push(await post(servers.urls, batch, `steady-${n}`));
      steadyEntries += batch.length;
    };
    const steadyStarted = performance.now();
    if (STEADY_RATE > 0) {
      // Open loop: a report every 1/STEADY_RATE s whatever the answers (at most 256 waiting).
      const sent = new Set();
      const visits = [];
      for (let n = 0; performance.now() < deadline; n += 1) {
        const due = steadyStarted + (n * 1000) / STEADY_RATE;
        if (due > performance.now())
          await new Promise((r) => setTimeout(r, due - performance.now()));
        if (sent.size >= 256) await Promise.race(sent);
        const visiting = !planted && performance.now() >= plantAt ? plant() : visitOnce();
        sent.add(visiting);
        visits.push(visiting);
        visiting.finally(() => sent.delete(visiting)).catch(() => undefined);
      }
      await Promise.all(visits);
    } else {
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (performance.now() < deadline) {
            if (!planted && performance.now() >= plantAt) await plant();
            else await visitOnce();
          }
        }),
      );
    }
    const steadySeconds = (performance.now() - steadyStarted) / 1000;
    const steadyCpu = perEntry(mark, steadyEntries);
    mark = cpu();
    // 3. Burst: 500 hosts send a day of backlog at once (after an outage).
    const burst = await sendAll(
      servers.urls,
      Array.from({ length: Math.min(BURST_HOSTS, hosts) }, (_, i) => {
        const h = (i * 7) % hosts;
        const entries = [];
        for (let k = 0; k < 48; k += 1) entries.push(login(h, k % 3, T0 + 2 * DAY + k * 1800));
        return [`burst-${i}`, entries];
      }),
      64,
    );
    burst.cpu = perEntry(mark, burst.entries);
    const waitUntil = performance.now() + 30_000;
    while (alertsAt.size < TAKEOVERS && performance.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const alertLatency = [...forwarderSent]
      .filter(([m]) => alertsAt.has(m))
      .map(([m, sent]) => alertsAt.get(m) - sent);
    return {
      driver,
      processes: Number(processes),
      hosts,
      backfill: {
        entries: backfill.entries,
        entries_per_s: backfill.entries_per_s,
        post_p99_ms: backfill.post_p99_ms,
        cpu_ms_per_entry: backfill.cpu,
      },
      steady: {
        ...(STEADY_RATE > 0 ? { reports_per_s_offered: STEADY_RATE } : {}),
        entries: steadyEntries,
        entries_per_s: Math.round(steadyEntries / steadySeconds),
        post_p99_ms: percentile(steadyLatencies, 99),
        cpu_ms_per_entry: steadyCpu,
      },
      burst: {
        entries: burst.entries,
        entries_per_s: burst.entries_per_s,
        post_p99_ms: burst.post_p99_ms,
        cpu_ms_per_entry: burst.cpu,
      },
      takeovers_caught: `${alertsAt.size}/${TAKEOVERS}`,
      failed_posts_retried: failures,
      alert_latency_p99_ms: percentile(alertLatency, 99),
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
    };
  } finally {
    await servers.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    sink.close();
  }
}

for (const hosts of SIZES) {
  for (const setup of SETUPS) console.log(JSON.stringify(await run(setup, hosts)));
}
agent.destroy();
