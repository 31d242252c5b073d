import type { OutboxOptions } from "@spoor/notify";
import pg from "pg";
import type { ServerStore } from "../store/server-store.js";
import { lockKey } from "./lock-key.js";
import { migratePostgres } from "./migrate-postgres.js";
import { createPgOutbox } from "./pg-outbox.js";
import { pipelined } from "./pg-pipeline.js";
import { prunePg } from "./pg-prune.js";
import { createPgSession } from "./pg-session.js";
import { createWriteBuffer, type WriteBuffer } from "./pg-write-buffer.js";

// BIGINT (ids, times in milliseconds, counts) as numbers: all stay below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// serialization_failure, deadlock_detected: the work runs again in a new transaction.
const RETRYABLE = new Set(["40001", "40P01"]);
const ATTEMPTS = 5;

/**
 * The PostgreSQL driver of the store contract: a connection pool (`pg`, pipelining: the
 * statements a caller sends together travel together), named statements (each parsed
 * once per connection), the schema migrated at open, transactions at READ COMMITTED that
 * first take a transaction-level advisory lock per lock name (in key order, in one
 * statement, so two writers never wait on each other crosswise), retried on a deadlock or
 * serialization failure. A transaction's new events and reports wait in a write buffer
 * until its next statement or COMMIT. A connection lost with the server (a restart) fails
 * the calls under way; the pool reconnects for the next ones.
 *
 * @throws ServerSchemaError for a database of a newer server; `pg`'s connection errors
 */
export async function openPostgresStore(url: string, outbox: OutboxOptions): Promise<ServerStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    // Waiting for a free connection under a burst beats a 500 (a lost server still fails
    // fast: the connect is refused); below the HTTP request timeout of 30 s.
    connectionTimeoutMillis: 20_000,
    idleTimeoutMillis: 30_000,
    application_name: "spoor-server",
    pipeline: true,
    types,
  });
  // An idle client whose server went away: the pool drops it; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    const lost = () => undefined;
    client.on("error", lost);
    try {
      await migratePostgres(client);
    } finally {
      client.off("error", lost);
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const once = async <T>(
    locks: readonly string[],
    work: (buffer: WriteBuffer) => Promise<T>,
  ): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // The server going away while this client is out of the pool: its query rejects, and
    // the client (dropped at release) must not take the process down with an 'error' event.
    const lost = (error: Error) => {
      broken = error;
    };
    client.on("error", lost);
    try {
      // BEGIN, the locks and the work's first statement leave together (the work's queries
      // wait for the locks' answer before theirs, so a failure to lock is what they throw);
      // later the buffered rows with COMMIT.
      const send = pipelined(client);
      const begun = send("BEGIN");
      const started =
        locks.length === 0
          ? begun
          : send({
              name: "spoor_lock",
              text: "SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) AS sorted",
              values: [[...new Set(locks.map(lockKey))].sort()],
            });
      begun.catch(() => undefined);
      started.catch(() => undefined);
      const buffer = createWriteBuffer(client, send, Promise.all([begun, started]));
      const result = await work(buffer);
      await buffer.q.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollback: Error) => {
        broken = rollback;
      });
      throw error;
    } finally {
      client.off("error", lost);
      client.release(broken);
    }
  };
  let ending: Promise<void> | undefined;
  return {
    driver: "postgres",
    ...createPgSession(pool, outbox),
    outbox: createPgOutbox(pool, outbox),
    async transaction(locks, work) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once(locks, (buffer) => work(createPgSession(buffer.q, outbox, buffer)));
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (attempt >= ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw error;
        }
      }
    },
    prune: (cutoff) => once([], (buffer) => prunePg(buffer.q, cutoff)),
    close() {
      ending ??= pool.end();
      return ending;
    },
  };
}
