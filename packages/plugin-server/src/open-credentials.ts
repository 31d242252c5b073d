import { statSync } from "node:fs";
import { loadServer } from "./load-server.js";

/** The database's credential store, and how to close it. */
export interface OpenCredentials {
  store: import("@spoor/server").CredentialStore;
  close(): Promise<void>;
}

/** Which database the credential commands open. */
export interface CredentialsDatabase {
  /** `--db`. */
  db?: string;
  /** `--config`: its `database:` when there is no `--db`. */
  config?: string;
}

/**
 * Opens the credentials of a server database: `--db`, else the `database:` of `server.yml`
 * (`--config`, default `/etc/spoor/server.yml` when it exists) — the one the unit runs
 * against, a fleet's PostgreSQL included — else the default SQLite file. Run as root on a
 * file owned by another user (the unit's DynamicUser), this process first becomes that
 * user, so the files SQLite writes beside it (-wal, -shm) stay the service's. Loads the
 * native SQLite driver (or, for `postgres://`, the PostgreSQL one) only now.
 *
 * @throws ServerNotInstalledError when the server is not installed; ServerConfigError for an
 *   unsafe or invalid `server.yml`; as `openServerStore` (ServerStorageError,
 *   ServerSchemaError, TypeError for a bad URL).
 */
export async function openCredentials(choice: CredentialsDatabase): Promise<OpenCredentials> {
  const server = await loadServer();
  const database =
    choice.db ??
    server.loadServerConfig(choice.config ?? server.DEFAULT_CONFIG_PATH, {
      optional: choice.config === undefined,
    }).database ??
    server.DEFAULT_DATABASE;
  const location = server.parseDatabaseUrl(database);
  if (location.kind === "sqlite" && process.geteuid?.() === 0) {
    const owner = statSync(location.path, { throwIfNoEntry: false });
    if (owner !== undefined && owner.uid !== 0) {
      process.setgid!(owner.gid);
      process.setuid!(owner.uid);
    }
  }
  const store = await server.openServerStore(database, { channels: [] });
  return {
    store: server.createCredentialStore(store.credentials, () => Math.floor(Date.now() / 1000)),
    close: () => store.close(),
  };
}
