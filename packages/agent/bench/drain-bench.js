// Drain benchmark: 10,000 spooled entries → the real receiver, with `runTransmitter({ once })`.
// Also measures the original's design on the same receiver: one POST per entry on a new
// connection, sequentially, then a 5 s pause per pass (original.md §3.5, §3.7, §4).
// Usage (after `npx -y pnpm@12.4.2 turbo run build --filter=@spoor/agent`): node bench/drain-bench.js [ENTRIES]

import { rm } from "node:fs/promises";
import { request } from "node:http";
import { stableId } from "@spoor/spool";
import {
  createClientFromConfig,
  createLogger,
  createSpoolFromConfig,
  runTransmitter,
} from "../dist/index.js";
import { benchConfig, machine, startReceiver } from "./bench-support.js";

const ENTRIES = Number(process.argv[2] ?? 10_000);
const ORIGINAL_SAMPLE = 500;
const ORIGINAL_PAUSE_S = 5;

function entry(n) {
  return {
    id: stableId("bench", n),
    type: "login",
    event: "login",
    log_time: 1_723_830_000 + n,
    ip: `192.0.2.${n % 250}`,
    credential: `user${n}@example.com`,
    context: "mailbox",
    status: "success",
    scope: "webmaild",
  };
}

/** One POST on its own connection (`agent: false`, `Connection: close`), as LWP sent it. */
function postOnNewConnection(url, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/reports`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          authorization: `Basic ${Buffer.from("ID:SECRET").toString("base64")}`,
          connection: "close",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const receiver = await startReceiver();
const bench = await benchConfig(receiver.url);
try {
  const spool = createSpoolFromConfig(bench.config);
  const all = Array.from({ length: ENTRIES }, (_, n) => entry(n));
  for (let i = 0; i < all.length; i += 500) await spool.write(all.slice(i, i + 500));
  const client = createClientFromConfig(bench.config);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await runTransmitter({
    config: bench.config,
    spool,
    client,
    logger: createLogger({ level: "warn" }),
    signal: new AbortController().signal,
    reporter: "bench-host",
    once: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerEntry = (cpu.user + cpu.system) / 1000 / ENTRIES;
  client.close();
  const stats = await spool.stats();
  const received = await receiver.stats();
  if (stats.queued !== 0 || received.reports !== ENTRIES) {
    throw new Error(`incomplete drain: ${JSON.stringify({ stats, received })}`);
  }

  const sampleStart = performance.now();
  for (let n = 0; n < ORIGINAL_SAMPLE; n += 1) {
    const body = JSON.stringify({
      report: {
        entries: [
          {
            type: "login",
            time: 1_723_900_000 + n,
            ip: "192.0.2.1",
            mailbox_address: `o${n}@example.com`,
            context: "mailbox",
            host: "bench-host",
          },
        ],
        metadata: { reporter: "bench-host" },
      },
    });
    const status = await postOnNewConnection(receiver.url, body);
    if (status !== 202) throw new Error(`original-style POST answered ${status}`);
  }
  const perEntryS = (performance.now() - sampleStart) / 1000 / ORIGINAL_SAMPLE;
  const originalSeconds = ENTRIES * perEntryS + ORIGINAL_PAUSE_S;

  const rate = ENTRIES / seconds;
  const originalRate = ENTRIES / originalSeconds;
  console.log(`machine: ${machine()}`);
  console.log(
    `spoor transmitter: ${ENTRIES} entries in ${seconds.toFixed(2)} s = ${Math.round(rate)} entries/s (concurrency ${bench.config.transmission.concurrency}, keep-alive; ${cpuMsPerEntry.toFixed(2)} ms CPU per entry in the transmitter process; target ≥ 2000/s: ${rate >= 2000 ? "met" : "NOT met"})`,
  );
  console.log(
    `original design: ${(perEntryS * 1000).toFixed(2)} ms per entry on a new connection (measured over ${ORIGINAL_SAMPLE}, sequential, plain http on loopback) → ${ENTRIES} entries in ${originalSeconds.toFixed(1)} s incl. the ${ORIGINAL_PAUSE_S} s pass pause = ${Math.round(originalRate)} entries/s (no TLS handshakes counted; in production each adds a round trip or two)`,
  );
  console.log(`speed-up: ${(rate / originalRate).toFixed(1)}×`);
} finally {
  await receiver.stop();
  await rm(bench.root, { recursive: true, force: true });
}
