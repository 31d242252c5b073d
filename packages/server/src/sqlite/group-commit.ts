import type Database from "better-sqlite3";
import type { StoreSession } from "../store/server-store.js";
import type { SerialQueue } from "./serial-queue.js";

/** Runs `work` in a transaction of its own as far as anyone can tell, resolving after the commit. */
export type GroupedTransaction = <T>(work: (session: StoreSession) => Promise<T>) => Promise<T>;

interface Waiting {
  work: (session: StoreSession) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The most units of work one commit carries (a bound on how long the first of them waits). */
export const MAX_GROUP = 32;

/**
 * Group commit for the one SQLite connection: the units of work that queue up while a commit
 * is being made are run next, one after another, in ONE transaction, each inside a savepoint
 * of its own. A unit that throws is rolled back to its savepoint and rejects alone; the others
 * commit. Every unit resolves only after the COMMIT that made it durable, so a caller still
 * answers 202 only for what is stored. One commit writes each page the group touched once
 * (the tables' last pages, the indexes' busy pages) instead of once per unit. When SQLite
 * itself abandons the transaction (an I/O error, a full disk), or the COMMIT fails, every unit
 * of the group rejects with that error: nothing is acknowledged that was not stored.
 *
 * Units run on `queue`, so calls made outside a transaction keep their turn between groups.
 */
export function createGroupCommit(
  db: Database.Database,
  queue: SerialQueue,
  session: StoreSession,
  maxGroup = MAX_GROUP,
): GroupedTransaction {
  const waiting: Waiting[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After the event loop's I/O callbacks of this turn: the reports read in the same turn
    // join the group (microtasks alone would start it with the first one).
    setImmediate(() => void queue(runGroup));
  };
  const runGroup = async () => {
    scheduled = false;
    const group = waiting.splice(0, maxGroup);
    if (waiting.length > 0) schedule();
    const settle: (() => void)[] = [];
    try {
      db.exec("BEGIN IMMEDIATE");
      for (const unit of group) {
        db.exec("SAVEPOINT spoor_unit");
        try {
          const result = await unit.work(session);
          db.exec("RELEASE spoor_unit");
          settle.push(() => unit.resolve(result));
        } catch (error) {
          // SQLite may have rolled the whole transaction back (SQLITE_FULL, SQLITE_IOERR…).
          if (!db.inTransaction) throw error;
          db.exec("ROLLBACK TO spoor_unit");
          db.exec("RELEASE spoor_unit");
          settle.push(() => unit.reject(error));
        }
      }
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      for (const unit of group) unit.reject(error);
      return;
    }
    for (const done of settle) done();
  };
  return <T>(work: (session: StoreSession) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });
}
