import { type ApiClient, createApiClient } from "@spoor/api-client";
import { apiClientOptions, reporterFor, type SpoorConfig, spoolOptions } from "@spoor/config";
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
  return createFileSpool(spoolOptions(config));
}

/** The API client over `transmission.*`. Throws the client's error for an unusable host. */
export function createClientFromConfig(config: SpoorConfig): ApiClient {
  return createApiClient(apiClientOptions(config));
}

/** Builds the shared {@link Services} from a loaded configuration (CLI and daemons). Throws
 *  as {@link createSpoolFromConfig} and {@link createClientFromConfig}. */
export function createServices(config: SpoorConfig): Services {
  const spool = createSpoolFromConfig(config);
  const client = createClientFromConfig(config);
  return { spool, client, reporter: reporterFor(config), close: () => client.close() };
}
