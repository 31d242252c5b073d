import type Database from "better-sqlite3";
import { migrateSqlite } from "./migrate-sqlite.js";
import { openDatabase } from "./open-database.js";
import { parseDatabaseUrl } from "./parse-database-url.js";
import { registerFunctions } from "./register-functions.js";

/**
 * Opens the server's database from a `--db` URL (`sqlite:PATH` or `:memory:`), migrating its
 * tables to the newest schema, with foreign keys on and the `host_glob` SQL function registered.
 *
 * @throws TypeError for a malformed URL; ServerSchemaError for a database of a newer server; as `openDatabase` for an unsafe or unusable file.
 */
export function openServerDatabase(url: string): Database.Database {
  const db = openDatabase(parseDatabaseUrl(url));
  try {
    db.pragma("foreign_keys = ON");
    migrateSqlite(db);
    registerFunctions(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
