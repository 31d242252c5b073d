import type { AsyncHistoryStore } from "@spoor/correlation";
import type { EnqueueInput, NotifyOutbox } from "@spoor/notify";
import type { AlertStore } from "./alert-store.js";
import type { CredentialRecords } from "./credential-records.js";
import type { EventStore } from "./event-store.js";
import type { HeartbeatStore } from "./heartbeat-store.js";
import type { PruneResult } from "./prune-old-records.js";
import type { ReportStore } from "./report-store.js";

/** The same methods, each returning a Promise (what a networked driver can offer). */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K];
};

/** The tables as one unit of work sees them (inside a transaction, or each call alone). */
export interface StoreSession {
  reports: Async<ReportStore>;
  events: Async<EventStore>;
  alerts: Async<AlertStore>;
  heartbeats: Async<HeartbeatStore>;
  credentials: CredentialRecords;
  /** With `session()`, a store that remembers its answers (valid while no event changes). */
  history: AsyncHistoryStore & { session?(): AsyncHistoryStore };
  /** Adds the outbox rows of an alert event (in the session's transaction). @returns rows added. */
  enqueue(input: EnqueueInput): Promise<number>;
}

/**
 * The store contract every driver implements (SQLite: `createSqliteStore`; PostgreSQL:
 * `openPostgresStore`), held by one contract suite. Methods of the session itself run
 * each in a transaction of their own.
 */
export interface ServerStore extends StoreSession {
  readonly driver: "sqlite" | "postgres";
  /**
   * Runs `work` in ONE transaction and commits it before resolving. `locks` name what the
   * work decides over (`host:…`, `ip:…`, `recipient:…`, `submission:…`): writers holding
   * the same name are serialized (PostgreSQL: transaction-level advisory locks taken in a
   * fixed order; SQLite has one writer at a time anyway). `work` may run again when the
   * database reports a deadlock or a serialization failure, so it must not act outside
   * the session before it resolves.
   *
   * @throws whatever `work` throws (rolled back), the driver's errors
   */
  transaction<T>(locks: readonly string[], work: (session: StoreSession) => Promise<T>): Promise<T>;
  /** The notification outbox in the same database. */
  outbox: NotifyOutbox;
  /** The retention pass: records whose own time is before `cutoffSeconds`. */
  prune(cutoffSeconds: number): Promise<PruneResult>;
  close(): Promise<void>;
}
