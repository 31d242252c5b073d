// Load time, memory and lookup rate of @spoor/ip-enrichment over the shipped ip-location-db
// data. Run after a build:  pnpm --filter @spoor/ip-enrichment bench
// (memory figures need --expose-gc, which the bench script passes).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadIpDatabaseSync } from "../dist/index.js";

const mib = (bytes) => (bytes / 1_048_576).toFixed(1);
const gc = globalThis.gc ?? (() => {});

gc();
const before = process.memoryUsage();
const started = performance.now();
const db = loadIpDatabaseSync();
const loadMs = performance.now() - started;
gc();
const after = process.memoryUsage();
if (!db.loaded) throw new Error(db.warning);

let seed = 12_345;
const next = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed;
};
const v4 = Array.from({ length: 200_000 }, () => {
  const n = next();
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
});
const v6 = Array.from(
  { length: 200_000 },
  () =>
    `2a0${next() % 10}:${(next() & 0xffff).toString(16)}:${(next() & 0xffff).toString(16)}::${(next() & 0xffff).toString(16)}`,
);

function rate(ips) {
  let known = 0;
  const t0 = performance.now();
  for (let round = 0; round < 3; round += 1)
    for (const ip of ips) if (db.lookup(ip).asn !== null) known += 1;
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: Math.round((ips.length * 3) / seconds), known: known / 3 };
}

const r4 = rate(v4);
const r6 = rate(v6);
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
);
console.log(
  `ranges: ${db.stats.ipv4Ranges} IPv4, ${db.stats.ipv6Ranges} IPv6; tables ${mib(db.stats.tableBytes)} MiB`,
);
console.log(`load (sync): ${loadMs.toFixed(0)} ms`);
console.log(
  `memory after load (gc'd): heap used +${mib(after.heapUsed - before.heapUsed)} MiB, array buffers +${mib(after.arrayBuffers - before.arrayBuffers)} MiB, rss +${mib(after.rss - before.rss)} MiB (rss ${mib(after.rss)} MiB)`,
);
console.log(
  `lookups: IPv4 ${r4.perSecond.toLocaleString("en")}/s (${r4.known} of ${v4.length} with an ASN), IPv6 ${r6.perSecond.toLocaleString("en")}/s`,
);
