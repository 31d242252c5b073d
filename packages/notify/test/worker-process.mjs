// A notify worker in its own process, as the server runs it, so a test can kill it with -9.
// argv: <sqlite path> <webhook url> <secret>. Logs JSON lines on stderr; SIGTERM closes.
import Database from "better-sqlite3";
import { createSqliteOutbox, createWebhookChannel, startNotifyWorker } from "../dist/index.js";

const [path, url, secret] = process.argv.slice(2);
const config = {
  type: "webhook",
  name: "hook",
  min_severity: "medium",
  max_per_hour: 30,
  timeout_ms: 1000,
  url,
  secret,
};
const db = new Database(path);
db.pragma("journal_mode = WAL");
const log =
  (level) =>
  (msg, fields = {}) =>
    process.stderr.write(`${JSON.stringify({ level, msg, ...fields })}\n`);
const worker = startNotifyWorker({
  outbox: createSqliteOutbox(db, { channels: [config] }),
  channels: [createWebhookChannel(config)],
  logger: { info: log("info"), warn: log("warn"), error: log("error") },
  backoff: { baseMs: 100, capMs: 500 },
  leaseGraceMs: 200,
  pollMs: 100,
});
process.stdout.write("started\n");
process.on("SIGTERM", async () => {
  await worker.close();
  db.close();
  process.exit(0);
});
