// Cost of outbox.enqueue inside the server's own transaction: node bench/enqueue-bench.js
// (after a build). A file database in WAL mode with synchronous=NORMAL (the server's
// settings) in a temp dir; each transaction inserts one alert row, with and without
// enqueueing it to two channels.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createSqliteOutbox } from "../dist/index.js";

const TRANSACTIONS = 20_000;
const channels = [
  { name: "webhook-1", min_severity: "medium" },
  { name: "email-1", min_severity: "medium" },
];

function alert(id) {
  return {
    id,
    rule: "takeover-sequence",
    severity: "high",
    state: "open",
    hosts: ["cpanel1.example.net"],
    mailbox_addresses: [`user${id}@example.com`],
    ips: ["203.0.113.77"],
    forward_recipients: ["attacker@evil.example"],
    event_ids: [id * 2, id * 2 + 1],
    summary: `user${id}@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)`,
    first_event_time: 1764756000,
    last_event_time: 1764756040,
    created_at: 1764756045,
    updated_at: 1764756045,
  };
}

function run(withEnqueue, perTransaction = 1) {
  const directory = mkdtempSync(join(tmpdir(), "notify-bench-"));
  const db = new Database(join(directory, "spoor.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE alerts (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const outbox = createSqliteOutbox(db, { channels });
  const insert = db.prepare("INSERT INTO alerts (id, body) VALUES (?, ?)");
  const raise = db.transaction((first) => {
    for (let id = first; id < first + perTransaction; id += 1) {
      const value = alert(id);
      insert.run(value.id, JSON.stringify(value));
      if (withEnqueue) outbox.enqueue({ alert: value, reason: "opened" });
    }
  });
  const started = process.hrtime.bigint();
  for (let id = 1; id <= TRANSACTIONS; id += perTransaction) raise(id);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  rmSync(directory, { recursive: true, force: true });
  return (seconds / TRANSACTIONS) * 1e6;
}

run(true); // warm-up
const without = run(false);
const withOutbox = run(true);
const batchedWithout = run(false, 100);
const batchedWith = run(true, 100);
const round = (value) => Number(value.toFixed(1));
console.log(
  JSON.stringify({
    bench: "enqueue inside the alert transaction (2 channels, file db, WAL)",
    alerts: TRANSACTIONS,
    one_alert_per_transaction_us: {
      without: round(without),
      with: round(withOutbox),
      enqueue: round(withOutbox - without),
    },
    hundred_alerts_per_transaction_us_per_alert: {
      without: round(batchedWithout),
      with: round(batchedWith),
      enqueue: round(batchedWith - batchedWithout),
    },
  }),
);
