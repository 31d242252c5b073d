import type { ApiClientOptions } from "@spoor/api-client";
import type { SpoorConfig } from "./spoor-config.js";

/**
 * The options of `createApiClient` (`@spoor/api-client`) for a loaded configuration:
 * `transmission.host`, credentials, report endpoint, timeout and `allow_insecure_http`.
 * Every command and daemon that talks to the API builds its client from these. Pure; never
 * throws (the client checks the host with the same rule `loadConfig` already applied).
 */
export function apiClientOptions(config: SpoorConfig): ApiClientOptions {
  const t = config.transmission;
  return {
    host: t.host,
    credentials: t.credentials,
    reportEndpoint: t.endpoints.report,
    timeoutMs: t.timeout_ms,
    allowInsecureHttp: t.allow_insecure_http,
  };
}
