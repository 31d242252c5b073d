// pnpm bench: ingest entries/s with correlation on, report-accepted → webhook-received
// latency, and the server's resident size idle and after 1 M events (README "Benchmark").
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { postReport, startAlertSink } from "./bench-http.js";

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PER_REPORT = 100;
const IN_FLIGHT = 8;
const LATENCY_ALERTS = Number(process.env.BENCH_ALERTS ?? 200);
const AUTH = `Basic ${Buffer.from("bench:bench-secret").toString("base64")}`;
const T0 = 1_764_000_000;

const arrivals = new Map();
const { sink, url: hook } = await startAlertSink((alert) => {
  for (const mailbox of alert.mailbox_addresses ?? [])
    if (!arrivals.has(mailbox)) arrivals.set(mailbox, performance.now());
});

const child = spawn(
  process.execPath,
  [
    // BENCH_SERVER_ARGS: extra node flags for the server (e.g. "--cpu-prof"), to profile it.
    ...(process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean),
    fileURLToPath(new URL("bench-server.js", import.meta.url)),
    hook,
  ],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const [line] = await once(createInterface({ input: child.stdout }), "line");
const [url, dir] = line.split(" ");
const rss = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024;
// The server's CPU seconds (user + system; /proc/PID/stat, clock ticks of 1/100 s): what the
// ingest costs it whatever else the machine is running.
const cpu = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them
// (Node 20's agent ignores the server's Keep-Alive hint unless it has a timeout of its own):
// no request is written into a socket the server is closing.
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT, timeout: 4_000 });
let retried = 0;

// As the agent does: every report has its Idempotency-Key, so a POST that failed on the
// socket (ECONNRESET, EPIPE: no answer read) is sent again as it was, and stored once.
async function post(body, key) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postReport(url, { agent, authorization: AUTH }, body, key);
    } catch (error) {
      if (!error.socketLevel || attempt === 5) throw error;
      retried += 1;
    }
  }
}

// A fleet's ordinary traffic: 20,000 mailboxes on 50 hosts, each logging in from its own home
// address, one login in 50 from a mobile network of its own; one entry in 97 a forwarder to
// an address of the mailbox's own domain. Quiet traffic: what a fleet sends almost always.
function entry(i) {
  const m = (i * 7919) % 20_000;
  const host = `web${m % 50}.example.net`;
  const mailbox = `user${m}@customer${m % 50}.example`;
  const time = T0 + Math.floor(i / 10);
  const home = `198.${18 + (m >> 16)}.${(m >> 8) & 255}.${m & 255}`;
  if (i % 97 === 0) {
    return {
      type: "forward_added",
      time,
      host,
      mailbox_address: mailbox,
      ip: home,
      forward_recipient: `archive@customer${m % 50}.example`,
      context: "mailbox",
    };
  }
  const ip = i % 50 === 0 ? `100.${64 + (m % 64)}.${(m >> 6) & 255}.${i % 250}` : home;
  return { type: "login", time, host, mailbox_address: mailbox, ip, context: "mailbox" };
}

const idle = rss();
const cpuBefore = cpu();
let next = 0;
const started = performance.now();
async function worker() {
  while (next < TOTAL) {
    const from = next;
    next += PER_REPORT;
    const entries = [];
    for (let i = from; i < Math.min(from + PER_REPORT, TOTAL); i++) entries.push(entry(i));
    const report = { report: { entries, metadata: { reporter: entries[0].host } } };
    await post(JSON.stringify(report), `bench-${from}`);
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
const seconds = (performance.now() - started) / 1000;
const afterIngest = rss();
const cpuIngest = cpu() - cpuBefore;

// Latency: one takeover per report (ten days of history, a novel login, a forwarder 40 s
// later → takeover-sequence, high → webhook), one at a time.
const latencies = [];
for (let n = 0; n < LATENCY_ALERTS; n++) {
  const mailbox = `victim${n}@latency.example`;
  const entries = [];
  for (let day = 0; day < 10; day++)
    entries.push({
      type: "login",
      time: T0 + day * 86_400,
      host: "lat",
      mailbox_address: mailbox,
      ip: "192.0.2.10",
      context: "mailbox",
    });
  entries.push({
    type: "login",
    time: T0 + 864_000,
    host: "lat",
    mailbox_address: mailbox,
    ip: `203.0.113.${n % 250}`,
    context: "mailbox",
  });
  entries.push({
    type: "forward_added",
    time: T0 + 864_040,
    host: "lat",
    mailbox_address: mailbox,
    ip: `203.0.113.${n % 250}`,
    forward_recipient: `thief${n}@evil.example`,
    context: "mailbox",
  });
  await post(JSON.stringify({ report: { entries, metadata: { reporter: "lat" } } }), `lat-${n}`);
  const accepted = performance.now();
  const deadline = accepted + 10_000;
  while (!arrivals.has(mailbox) && performance.now() < deadline)
    await new Promise((r) => setImmediate(r));
  if (!arrivals.has(mailbox)) throw new Error(`no webhook for ${mailbox} within 10 s`);
  latencies.push(arrivals.get(mailbox) - accepted);
}
latencies.sort((a, b) => a - b);
const pct = (p) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);

console.log(
  `ingest: ${TOTAL.toLocaleString("en")} entries in ${(TOTAL / PER_REPORT).toLocaleString("en")} reports, ${IN_FLIGHT} in flight, keep-alive: ${seconds.toFixed(1)} s, ${Math.round(TOTAL / seconds).toLocaleString("en")} entries/s (server CPU ${cpuIngest.toFixed(1)} s: ${Math.round((cpuIngest * 1e6) / TOTAL)} µs an entry)`,
);
console.log(
  `report accepted → webhook received (${LATENCY_ALERTS} alerts): p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
);
console.log(`POSTs sent again after a socket error: ${retried}`);
console.log(
  `RSS: idle ${idle.toFixed(1)} MiB, after ${TOTAL.toLocaleString("en")} events ${afterIngest.toFixed(1)} MiB`,
);
child.kill("SIGTERM");
await once(child, "exit");
agent.destroy();
sink.close();
rmSync(dir, { recursive: true, force: true });
