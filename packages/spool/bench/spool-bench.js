// Durable spooling rate of interesting entries: node bench/spool-bench.js (after a build).
// Writes into a temp dir on the repository's filesystem (.bench-tmp/, git-ignored), fresh
// spool per case, and removes it afterwards.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createFileSpool, stableId } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const scratch = join(here, "..", ".bench-tmp");

function loginEntry(index) {
  const line = `[2024-05-01 10:00:00 +0000] info [webmaild] 203.0.113.${index % 250} - user${index}@example.com (possessor: owner) - SUCCESS LOGIN webmaild`;
  return {
    id: stableId("login", 2049, 131, index * 160, line),
    type: "login",
    event: "login",
    log_time: 1714557600 + Math.floor(index / 50),
    ip: `203.0.113.${index % 250}`,
    credential: `user${index}@example.com`,
    possessor: "owner",
    status: "success",
    context: "mailbox",
    scope: "webmaild",
  };
}

async function measure(batchSize, total, writers) {
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  const root = await mkdtemp(join(scratch, "spool-"));
  try {
    const spool = createFileSpool({
      paths: {
        parsed: join(root, "parsed"),
        transmitted: join(root, "transmitted"),
        failed: join(root, "failed"),
        quarantine: join(root, "quarantine"),
      },
      maxQueuedEntries: total + 1,
    });
    const entries = Array.from({ length: total }, (_, index) => loginEntry(index));
    let started = performance.now();
    let next = 0;
    const writer = async () => {
      while (next < total) {
        const start = next;
        next += batchSize;
        await spool.write(entries.slice(start, start + batchSize));
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    const writeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    for (const file of await spool.list()) {
      await spool.read(file);
      await spool.markTransmitted(file);
    }
    const drainSeconds = (performance.now() - started) / 1000;
    return {
      batchSize,
      writers,
      entries: total,
      writesPerSecond: Math.round(total / writeSeconds),
      drainPerSecond: Math.round(total / drainSeconds),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const results = [];
for (const [batchSize, total, writers] of [
  [1, 2000, 1],
  [1, 4000, 4],
  [10, 5000, 1],
  [100, 10000, 1],
]) {
  results.push(await measure(batchSize, total, writers));
}
console.log(
  `spool bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`,
);
console.log("batch  writers  entries  durable writes/s  list+read+markTransmitted/s");
for (const r of results) {
  const cells = [
    [r.batchSize, 5],
    [r.writers, 7],
    [r.entries, 7],
    [r.writesPerSecond, 16],
    [r.drainPerSecond, 27],
  ];
  console.log(cells.map(([value, width]) => String(value).padStart(width)).join("  "));
}
await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
