import { dirname, resolve } from "node:path";
import { type ApiClient, createApiClient } from "@spoor/api-client";
import {
  apiClientOptions,
  checkOwnership,
  loadConfig,
  PermissionError,
  resolveDefaults,
  type SpoorConfig,
} from "@spoor/config";

/** Where the configuration is (`--config`, `--root`). */
export interface ConfigLocation {
  configPath?: string;
  root?: string;
}

/**
 * Loads the configuration with the original report commands' checks (the config directory
 * and file only: the spool directories are not needed to ask the API) and creates a client.
 * A missing file is left to `loadConfig`, which says so.
 * @throws PermissionError or ConfigError (user-facing) from @spoor/config;
 *   ApiClientConfigError for an unusable `transmission` section.
 */
export async function openApiClient(
  location: ConfigLocation,
): Promise<{ client: ApiClient; config: SpoorConfig }> {
  const path = resolve(location.configPath ?? resolveDefaults(location.root).configPath);
  for (const [target, kind, mode] of [
    [dirname(path), "directory", 0o700],
    [path, "file", 0o600],
  ] as const) {
    const problem = checkOwnership(target, { kind, mode });
    if (problem && !problem.kinds.includes("missing")) throw new PermissionError(problem);
  }
  const config = await loadConfig({ path, root: location.root, checkPermissions: false });
  return { client: createApiClient(apiClientOptions(config)), config };
}
