import type Database from "better-sqlite3";
import { openDatabase } from "./open-database.js";
import { parseDatabaseUrl } from "./parse-database-url.js";
import { registerFunctions } from "./register-functions.js";
import { SCHEMA } from "./schema.js";

/**
 * Opens the server's database from a `--db` URL (`sqlite:PATH` or `:memory:`), creating its
 * tables, with foreign keys on and the `host_glob` SQL function registered.
 *
 * @throws TypeError for a malformed URL; as `openDatabase` for an unsafe or unusable file.
 */
export function openServerDatabase(url: string): Database.Database {
  const db = openDatabase(parseDatabaseUrl(url));
  try {
    db.pragma("foreign_keys = ON");
    db.exec(SCHEMA);
    registerFunctions(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
