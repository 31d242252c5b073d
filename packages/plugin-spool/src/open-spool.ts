import { loadConfig, type SpoorConfig, spoolOptions } from "@spoor/config";
import { createFileSpool, type SpoolStore } from "@spoor/spool";

/** Where the configuration is (`--config`, `--root`). */
export interface ConfigLocation {
  configPath?: string;
  root?: string;
}

/**
 * Loads the configuration and opens the file spool it names.
 * @throws ConfigError / PermissionError (from @spoor/config) and the spool's permission
 *   error, all user-facing with a fix.
 */
export async function openSpool(
  location: ConfigLocation,
): Promise<{ config: SpoorConfig; spool: SpoolStore }> {
  const config = await loadConfig({ path: location.configPath, root: location.root });
  return { config, spool: createFileSpool(spoolOptions(config)) };
}
