import { dirname, resolve } from "node:path";
import { type ApiClient, type ApiCredentials, createApiClient } from "@spoor/api-client";
import {
  apiClientOptions,
  checkOwnership,
  loadConfig,
  PermissionError,
  resolveDefaults,
  type SpoorConfig,
} from "@spoor/config";
import { UsageError } from "@spoor/errors";
import type { ApiAccess } from "./api-access.js";

/** Where the configuration is (`--config`, `--root`). */
export interface ConfigLocation {
  configPath?: string;
  root?: string;
}

/** Which credential of spoor.yml a command reads with. */
export type CredentialRole = "reporter" | "analyst";

/** What {@link openApiClient} opened. */
export interface OpenedApiClient {
  client: ApiClient;
  /** The configuration, unless `--api-host` and `--api-identifier` made it unnecessary. */
  config?: SpoorConfig;
  /** Where the credential came from, for messages: a flag or a spoor.yml key. */
  credentialSource: string;
}

/**
 * Creates a client for a read command. `--api-identifier` (with `SPOOR_API_SECRET`) and
 * `--api-host` override spoor.yml; when both are given spoor.yml is not read at all (an
 * administrator's machine needs none). Otherwise spoor.yml is loaded with the original report
 * commands' checks (its directory and file only) and gives the host and, for the `analyst`
 * role, `transmission.analyst_credentials` when present, else `transmission.credentials`.
 * @throws UsageError for `--api-identifier` without `SPOOR_API_SECRET`; PermissionError or
 *   ConfigError from @spoor/config; ApiClientConfigError for an unusable host or credential.
 */
export async function openApiClient(
  access: ApiAccess,
  role: CredentialRole = "reporter",
): Promise<OpenedApiClient> {
  const flagged = flagCredentials(access);
  if (flagged !== undefined && access.apiHost !== undefined) {
    const client = createApiClient({ host: access.apiHost, credentials: flagged });
    return { client, credentialSource: "--api-identifier" };
  }
  const config = await loadReadConfig(access);
  const { transmission } = config;
  const analyst = role === "analyst" ? transmission.analyst_credentials : undefined;
  const credentials = flagged ?? analyst ?? transmission.credentials;
  const credentialSource =
    flagged !== undefined
      ? "--api-identifier"
      : analyst !== undefined
        ? "transmission.analyst_credentials"
        : "transmission.credentials";
  const client = createApiClient({
    ...apiClientOptions(config),
    host: access.apiHost ?? transmission.host,
    credentials,
  });
  return { client, config, credentialSource };
}

function flagCredentials(access: ApiAccess): ApiCredentials | undefined {
  if (access.apiIdentifier === undefined) return undefined;
  if (access.apiSecret === undefined || access.apiSecret === "") {
    throw new UsageError(
      "--api-identifier needs its secret in the SPOOR_API_SECRET environment variable (never on the command line)",
    );
  }
  return { api_identifier: access.apiIdentifier, api_secret: access.apiSecret };
}

async function loadReadConfig(access: ApiAccess): Promise<SpoorConfig> {
  const path = resolve(access.configPath ?? resolveDefaults(access.root).configPath);
  for (const [target, kind, mode] of [
    [dirname(path), "directory", 0o700],
    [path, "file", 0o600],
  ] as const) {
    const problem = checkOwnership(target, { kind, mode });
    if (problem && !problem.kinds.includes("missing")) throw new PermissionError(problem);
  }
  return loadConfig({ path, root: access.root, checkPermissions: false });
}
