import type Database from "better-sqlite3";
import { SCHEMA } from "./schema.js";
import { ServerSchemaError } from "./server-schema-error.js";

/**
 * The SQLite schema, one entry per version; never edit a released entry, append. Version 1
 * is the schema of the first releases (written with IF NOT EXISTS, so a database from
 * before versioning upgrades to it in place).
 */
export const SQLITE_MIGRATIONS: readonly string[] = [SCHEMA];

/**
 * Brings the database to the newest schema in one transaction (`spoor_schema` holds the
 * version).
 *
 * @throws ServerSchemaError when the database is newer than this code; SQLite's errors
 */
export function migrateSqlite(db: Database.Database): void {
  db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS spoor_schema (version INTEGER NOT NULL)");
    const row = db.prepare("SELECT version FROM spoor_schema").get() as
      | { version: number }
      | undefined;
    const found = row?.version ?? 0;
    if (found > SQLITE_MIGRATIONS.length) {
      throw new ServerSchemaError(found, SQLITE_MIGRATIONS.length);
    }
    for (const migration of SQLITE_MIGRATIONS.slice(found)) db.exec(migration);
    if (row === undefined)
      db.prepare("INSERT INTO spoor_schema (version) VALUES (?)").run(SQLITE_MIGRATIONS.length);
    else db.prepare("UPDATE spoor_schema SET version = ?").run(SQLITE_MIGRATIONS.length);
  }).immediate();
}
