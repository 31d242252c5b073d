import { type PostgresCluster, startPostgresCluster } from "@spoor/test-support";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { openServerStore, type ServerStore } from "../src/index.js";

/** Tables a fresh store starts without rows (the schema stays, migrated once). */
const TABLES = [
  "alert_events",
  "reports",
  "alerts",
  "mailbox_events",
  "submissions",
  "heartbeats",
  "credentials",
  "notify_outbox",
  "notify_window",
];

/**
 * A private PostgreSQL cluster for one test file (started before its tests, stopped after),
 * with a database `spoor`. `empty()` removes every row (the schema stays) and resets the
 * counters, so a test starts from a fresh store without the cost of a new database.
 */
export function usePostgres(): {
  cluster(): PostgresCluster;
  url(): string;
  empty(): Promise<void>;
} {
  let cluster: PostgresCluster | undefined;
  let url = "";
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase("spoor");
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return {
    cluster: () => cluster!,
    url: () => url,
    async empty() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT to_regclass('spoor_schema') AS present");
        if (rows[0].present === null) return;
        await client.query(`TRUNCATE ${TABLES.join(", ")} RESTART IDENTITY`);
        await client.query("UPDATE counters SET value = 0");
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A store on the file's private cluster for each test: the rows emptied and a store opened
 * before it (no notification channels), closed after it. Call inside a `describe`.
 * @returns the current test's store
 */
export function freshPostgresStore(postgres: ReturnType<typeof usePostgres>): () => ServerStore {
  let store: ServerStore | undefined;
  beforeEach(async () => {
    await postgres.empty();
    store = await openServerStore(postgres.url(), { channels: [] });
  });
  afterEach(async () => {
    await store?.close();
  });
  return () => store!;
}
