import type pg from "pg";
import { ServerSchemaError } from "../database/server-schema-error.js";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations.js";

// Any fixed number: every server process starting at once takes this lock in turn.
const MIGRATION_LOCK = 4_242_015;

/**
 * Brings the database to the newest schema in one transaction, under an advisory lock so
 * that processes starting together migrate once (`spoor_schema` holds the version).
 *
 * @throws ServerSchemaError when the database is newer than this code; `pg`'s errors
 */
export async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS spoor_schema (version INTEGER NOT NULL)");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM spoor_schema");
    const found = rows[0]?.version ?? 0;
    if (found > POSTGRES_MIGRATIONS.length) {
      throw new ServerSchemaError(found, POSTGRES_MIGRATIONS.length);
    }
    for (const migration of POSTGRES_MIGRATIONS.slice(found)) await client.query(migration);
    if (rows.length === 0) {
      await client.query("INSERT INTO spoor_schema (version) VALUES ($1)", [
        POSTGRES_MIGRATIONS.length,
      ]);
    } else {
      await client.query("UPDATE spoor_schema SET version = $1", [POSTGRES_MIGRATIONS.length]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
