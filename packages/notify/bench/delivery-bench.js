// Deliveries per second from the outbox to a local webhook: node bench/delivery-bench.js
// (after a build). 5,000 alerts enqueued in a file database, one webhook channel (keep-alive,
// max_per_hour above the count), the peer in its own process; timed from start to the last
// row marked delivered.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createSqliteOutbox, createWebhookChannel, startNotifyWorker } from "../dist/index.js";

const ALERTS = 5000;
const sinkScript = fileURLToPath(new URL("./webhook-sink-process.js", import.meta.url));

const sink = spawn(process.execPath, [sinkScript], { stdio: ["ignore", "pipe", "inherit"] });
const lines = createInterface({ input: sink.stdout })[Symbol.asyncIterator]();
const port = Number((await lines.next()).value);

const directory = mkdtempSync(join(tmpdir(), "notify-bench-"));
const db = new Database(join(directory, "spoor.sqlite"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const config = {
  type: "webhook",
  name: "webhook-1",
  min_severity: "medium",
  max_per_hour: 100_000,
  timeout_ms: 10_000,
  url: `http://127.0.0.1:${port}/hook`,
  secret: "bench-secret-0123456789",
};
const outbox = createSqliteOutbox(db, { channels: [config] });
db.transaction(() => {
  for (let id = 1; id <= ALERTS; id += 1) {
    outbox.enqueue({
      alert: {
        id,
        rule: "novel-login",
        severity: "medium",
        state: "open",
        hosts: ["cpanel1.example.net"],
        mailbox_addresses: [`user${id}@example.com`],
        ips: ["203.0.113.77"],
        forward_recipients: [],
        event_ids: [id],
        summary: `user${id}@example.com: login from 203.0.113.77 (AS64500), a network not seen for this mailbox in 30 days`,
        first_event_time: 1764756000,
        last_event_time: 1764756000,
        created_at: 1764756001,
        updated_at: 1764756001,
      },
      reason: "opened",
    });
  }
})();

const count = db.prepare("SELECT count(*) AS n FROM notify_outbox WHERE state = 'delivered'");
const started = process.hrtime.bigint();
const worker = startNotifyWorker({ outbox, channels: [createWebhookChannel(config)] });
while (count.get().n < ALERTS) await new Promise((resolve) => setTimeout(resolve, 5));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await worker.close();
sink.kill("SIGTERM");
const served = Number((await lines.next()).value);
db.close();
rmSync(directory, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: "outbox → local webhook (one channel, sequential, keep-alive)",
    deliveries: ALERTS,
    served,
    seconds: Number(seconds.toFixed(2)),
    deliveries_per_second: Math.round(ALERTS / seconds),
  }),
);
