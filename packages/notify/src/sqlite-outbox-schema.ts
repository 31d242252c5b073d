import type Database from "better-sqlite3";
import { OutboxSchemaError } from "./outbox-schema-error.js";

/** Each entry upgrades the schema by one version; never edit a released entry, append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE notify_outbox (
     id INTEGER PRIMARY KEY,
     channel TEXT NOT NULL,
     alert_id INTEGER NOT NULL,
     reason TEXT NOT NULL,
     severity TEXT NOT NULL,
     delivery_id TEXT NOT NULL,
     alert_json TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     digest INTEGER NOT NULL DEFAULT 0,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     lease_until INTEGER,
     created_at INTEGER NOT NULL,
     delivered_at INTEGER,
     last_error TEXT,
     UNIQUE (alert_id, reason, severity, channel)
   );
   CREATE INDEX notify_outbox_due ON notify_outbox (channel, digest, next_attempt_at)
     WHERE state = 'pending';
   CREATE TABLE notify_window (
     channel TEXT PRIMARY KEY,
     window_start INTEGER NOT NULL,
     sent INTEGER NOT NULL
   );`,
];

/** The schema version this code writes. */
export const OUTBOX_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Creates or upgrades the outbox tables in one transaction.
 * @throws OutboxSchemaError when the database is newer than this code
 */
export function migrateOutboxSchema(db: Database.Database): void {
  db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS notify_schema (version INTEGER NOT NULL)");
    const row = db.prepare("SELECT version FROM notify_schema").get() as
      | { version: number }
      | undefined;
    const found = row?.version ?? 0;
    if (found > OUTBOX_SCHEMA_VERSION) throw new OutboxSchemaError(found, OUTBOX_SCHEMA_VERSION);
    for (const migration of MIGRATIONS.slice(found)) db.exec(migration);
    if (row === undefined) {
      db.prepare("INSERT INTO notify_schema (version) VALUES (?)").run(OUTBOX_SCHEMA_VERSION);
    } else if (found < OUTBOX_SCHEMA_VERSION) {
      db.prepare("UPDATE notify_schema SET version = ?").run(OUTBOX_SCHEMA_VERSION);
    }
  })();
}
