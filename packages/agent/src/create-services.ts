import { hostname } from "node:os";
import { type ApiClient, createApiClient } from "@spoor/api-client";
import type { SpoorConfig } from "@spoor/config";
import { createFileSpool, type SpoolStore } from "@spoor/spool";

/** The spool and API client every spoor process shares. */
export interface Services {
  spool: SpoolStore;
  client: ApiClient;
  /** `transmission.reporter`, else the hostname. */
  reporter: string;
  /** Releases the client's connections. */
  close(): void;
}

/**
 * The file spool over `application.*` (paths, `spool_max_entries` cap, retention). Throws the
 * spool's permission error (user-fixable) when a directory has the wrong owner or mode.
 */
export function createSpoolFromConfig(config: SpoorConfig): SpoolStore {
  const app = config.application;
  return createFileSpool({
    paths: {
      parsed: app.parsed_entries_path,
      transmitted: app.transmitted_entries_path,
      failed: app.transmission_failed_entries_path,
      quarantine: app.quarantine_path,
    },
    maxQueuedEntries: app.spool_max_entries,
    retention: { maxAgeDays: app.retention_max_age_days, maxBytes: app.retention_max_bytes },
  });
}

/** The API client over `transmission.*`. Throws the client's error for an unusable host. */
export function createClientFromConfig(config: SpoorConfig): ApiClient {
  const t = config.transmission;
  return createApiClient({
    host: t.host,
    credentials: t.credentials,
    reportEndpoint: t.endpoints.report,
    timeoutMs: t.timeout_ms,
    allowInsecureHttp: t.allow_insecure_http,
  });
}

/** The reporter name: `transmission.reporter`, else this machine's hostname. */
export function reporterFor(config: SpoorConfig): string {
  return config.transmission.reporter ?? hostname();
}

/** Builds the shared {@link Services} from a loaded configuration (CLI and daemons). Throws
 *  as {@link createSpoolFromConfig} and {@link createClientFromConfig}. */
export function createServices(config: SpoorConfig): Services {
  const spool = createSpoolFromConfig(config);
  const client = createClientFromConfig(config);
  return { spool, client, reporter: reporterFor(config), close: () => client.close() };
}
