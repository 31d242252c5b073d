export type { ServerCredential } from "./auth/check-basic-auth.js";
export { CredentialError } from "./auth/credential-error.js";
export {
  type CredentialInfo,
  type CredentialStore,
  createCredentialStore,
} from "./auth/credential-store.js";
export type { Role } from "./auth/principal.js";
export { DEFAULT_CONFIG_PATH, loadServerConfig } from "./config/load-server-config.js";
export {
  DEFAULT_LISTEN,
  isLoopback,
  type ListenAddress,
  parseListen,
} from "./config/parse-listen.js";
export { ServerConfigError } from "./config/server-config-error.js";
export { type ServerConfig, validateServerConfig } from "./config/validate-server-config.js";
export { openServerDatabase } from "./database/open-server-database.js";
export { openServerStore } from "./database/open-server-store.js";
export { DEFAULT_DATABASE, parseDatabaseUrl } from "./database/parse-database-url.js";
export { ServerSchemaError } from "./database/server-schema-error.js";
export { ServerStorageError } from "./database/server-storage-error.js";
export { EXIT_USAGE, runServerCli } from "./run/run-server-cli.js";
export { parseCredentialFlag, type ServeArguments } from "./run/serve-arguments.js";
export { EXIT_CONFIG, serveUntilSignalled } from "./run/serve-until-signalled.js";
export { createJsonLineLogger, type ServerLogger } from "./server-logger.js";
export { type ServerOptions, type SpoorServer, startServer } from "./start-server.js";
export type { AlertJson, AlertState, Severity } from "./store/alert.js";
export type { EventClass, MailboxEventJson } from "./store/mailbox-event.js";
export type { PruneResult } from "./store/prune-old-records.js";
export type { ReportRow, ServerStats } from "./store/report-store.js";
export type { Async, ServerStore, StoreSession } from "./store/server-store.js";
