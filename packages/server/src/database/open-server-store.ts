import type { OutboxOptions } from "@spoor/notify";
import { createSqliteStore } from "../sqlite/create-sqlite-store.js";
import type { ServerStore } from "../store/server-store.js";
import { openServerDatabase } from "./open-server-database.js";
import { parseDatabaseUrl } from "./parse-database-url.js";

/**
 * Opens the store a `--db` URL names, migrated to the newest schema: SQLite (`sqlite:PATH`,
 * `:memory:`) or PostgreSQL (`postgres://…`; its driver and `pg` are loaded only then).
 *
 * @throws TypeError for a malformed URL; ServerSchemaError for a database of a newer
 *   server; as `openServerDatabase` for an unusable SQLite file; `pg`'s connection errors
 */
export async function openServerStore(url: string, outbox: OutboxOptions): Promise<ServerStore> {
  const location = parseDatabaseUrl(url);
  if (location.kind === "postgres") {
    const { openPostgresStore } = await import("../postgres/open-postgres-store.js");
    return openPostgresStore(location.url, outbox);
  }
  const db = openServerDatabase(url);
  try {
    return createSqliteStore(db, outbox);
  } catch (error) {
    db.close();
    throw error;
  }
}
