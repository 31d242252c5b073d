import type Database from "better-sqlite3";
import type {
  CredentialInfo,
  CredentialRecords,
  StoredCredential,
} from "../store/credential-records.js";

/** The `credentials` table of a SQLite database, synchronously (the driver wraps it). */
export type SyncCredentialRecords = {
  [K in keyof CredentialRecords]: (
    ...args: Parameters<CredentialRecords[K]>
  ) => Awaited<ReturnType<CredentialRecords[K]>>;
};

/** Prepares the credential statements. Never throws once prepared. */
export function createSqliteCredentialRecords(db: Database.Database): SyncCredentialRecords {
  const insert = db.prepare(
    "INSERT INTO credentials (name, role, hosts, secret_hash, created_at) VALUES (@name, @role, @hosts, @secret_hash, @created_at)",
  );
  const byName = db.prepare<[string], StoredCredential>(
    "SELECT id, name, role, hosts, secret_hash, created_at, revoked_at FROM credentials WHERE name = ?",
  );
  const all = db.prepare<[], CredentialInfo>(
    "SELECT name, role, hosts, created_at, revoked_at FROM credentials ORDER BY name",
  );
  const revoke = db.prepare(
    "UPDATE credentials SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
  );
  return {
    insert(credential) {
      insert.run(credential);
    },
    find: (name) => byName.get(name),
    list: () => all.all(),
    revoke: (name, now) => revoke.run(now, name).changes > 0,
  };
}
