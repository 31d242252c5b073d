#!/usr/bin/env node
// Throughput of the receiver as the transmitter sees it: report POSTs through @spoor/api-client
// against an in-memory receiver running in its own process (the bin), three ways:
//   1. keep-alive, 8 in flight (the new transmitter's shape),
//   2. a new connection per request, 8 in flight,
//   3. a new connection per request, one at a time (the Perl original's shape: LWP with
//      "Connection: close", one POST per spooled file, all queued files per 5 s pass).
// Usage: node bench/receiver-bench.js [--keep-alive-count N] [--new-connection-count N]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiClient } from "@spoor/api-client";

const { values } = parseArgs({
  options: {
    "keep-alive-count": { type: "string", default: "10000" },
    "new-connection-count": { type: "string", default: "2000" },
  },
});
const credentials = { api_identifier: "bench", api_secret: "bench-secret" };
const entry = {
  type: "login",
  time: 1723830000,
  ip: "203.0.113.7",
  mailbox_address: "someone@example.com",
  context: "mailbox",
  host: "bench.example.com",
};

async function startReceiverProcess() {
  const bin = fileURLToPath(new URL("../bin/spoor-receiver.js", import.meta.url));
  const child = spawn(process.execPath, [bin, "--credentials", "bench:bench-secret"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  while (!output.includes("\n")) {
    const [chunk] = await once(child.stdout, "data");
    output += chunk;
  }
  return { child, url: output.split("\n")[0] };
}

/** Sends `count` reports with `concurrency` workers; `clientFor()` gives the client per request. */
async function pass(name, count, concurrency, clientFor) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const client = clientFor();
      await client.sendReport(entry, { idempotencyKey: `${name}-${i}`, reporter: entry.host });
      client.release();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { name, count, concurrency, seconds, perSecond: count / seconds };
}

const { child, url } = await startReceiverProcess();
const shared = createApiClient({ host: url, credentials });
const keepAlive = () => ({ sendReport: shared.sendReport, release() {} });
const fresh = () => {
  // A client of its own per request: its agent opens a new connection, closed right after.
  const client = createApiClient({ host: url, credentials });
  return { sendReport: client.sendReport, release: () => client.close() };
};

const keepAliveCount = Number(values["keep-alive-count"]);
const newConnectionCount = Number(values["new-connection-count"]);
await pass("warm-up", 500, 8, keepAlive);
const results = [
  await pass("keep-alive", keepAliveCount, 8, keepAlive),
  await pass("new-connection", newConnectionCount, 8, fresh),
  await pass("new-connection-sequential", newConnectionCount, 1, fresh),
];
shared.close();
child.kill("SIGTERM");
await once(child, "close");

const cpu = cpus();
console.log(
  `receiver-bench ${new Date().toISOString()} node ${process.version} ${cpu.length} x ${cpu[0]?.model ?? "?"}`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(26)} ${String(r.count).padStart(6)} reports, concurrency ${r.concurrency}: ` +
      `${r.perSecond.toFixed(0).padStart(6)} reports/s (${r.seconds.toFixed(2)} s)`,
  );
}
const sequential = results[2];
console.log(
  `original's shape: one connection per entry, one at a time, a 5 s pause between passes → at most ` +
    `${sequential.perSecond.toFixed(0)} entries/s while a backlog drains, and up to 5 s before a new entry is sent`,
);
