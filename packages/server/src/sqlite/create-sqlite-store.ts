import { createSqliteOutbox, type OutboxOptions } from "@spoor/notify";
import type Database from "better-sqlite3";
import { createAlertStore } from "../store/alert-store.js";
import { createEventStore } from "../store/event-store.js";
import { createHeartbeatStore } from "../store/heartbeat-store.js";
import { createHistoryStore } from "../store/history-store.js";
import { createPrune } from "../store/prune-old-records.js";
import { createReportStore } from "../store/report-store.js";
import type { ServerStore, StoreSession } from "../store/server-store.js";
import { createGroupCommit } from "./group-commit.js";
import { createSerialQueue } from "./serial-queue.js";
import { createSqliteCredentialRecords } from "./sqlite-credential-records.js";
import { wrapAsync } from "./wrap-async.js";

/**
 * The SQLite driver of the store contract over an opened, migrated database: the
 * synchronous stores behind Promises, every use of the one connection queued so that a
 * transaction has it to itself; transactions that queue up while one commits are committed
 * together (`createGroupCommit`: a savepoint each, one COMMIT). Lock names are not needed:
 * one writer at a time.
 *
 * @throws OutboxSchemaError when the database holds a newer outbox schema; SQLite's errors
 */
export function createSqliteStore(
  db: Database.Database,
  outboxOptions: OutboxOptions,
): ServerStore {
  const queue = createSerialQueue();
  const outbox = createSqliteOutbox(db, outboxOptions);
  const sync = {
    reports: createReportStore(db),
    events: createEventStore(db),
    alerts: createAlertStore(db),
    heartbeats: createHeartbeatStore(db),
    credentials: createSqliteCredentialRecords(db),
    history: createHistoryStore(db),
  };
  const prune = createPrune(db);
  const session = (run: (call: () => unknown) => Promise<unknown>): StoreSession => ({
    reports: wrapAsync(sync.reports, run),
    events: wrapAsync(sync.events, run),
    alerts: wrapAsync(sync.alerts, run),
    heartbeats: wrapAsync(sync.heartbeats, run),
    credentials: wrapAsync(sync.credentials, run),
    history: {
      answer: (query) => run(() => sync.history.answer(query)) as never,
      session() {
        const remembering = sync.history.session();
        return { answer: (query) => run(() => remembering.answer(query)) as never };
      },
    },
    enqueue: (input) => run(() => outbox.enqueue(input).rows) as Promise<number>,
  });
  const inside = session(async (call) => await call());
  const grouped = createGroupCommit(db, queue, inside);
  const alone = session((call) => queue(async () => await call()));
  const outboxQueued = wrapAsync(outbox, (call) => queue(async () => await call()));
  let closed = false;
  return {
    driver: "sqlite",
    ...alone,
    outbox: { ...outboxQueued, enqueue: async (input) => queue(() => outbox.enqueue(input)) },
    transaction: (_locks, work) => grouped(work),
    prune: (cutoff) => queue(() => prune(cutoff)),
    // Transactions asked for before close() are stored first: their group starts on an
    // immediate already scheduled, which runs (and takes its turn on the queue) before this one.
    close: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await queue(() => {
        if (closed) return;
        closed = true;
        db.close();
      });
    },
  };
}
