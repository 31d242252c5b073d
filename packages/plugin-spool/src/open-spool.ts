import { loadConfig, type SpoorConfig } from "@spoor/config";
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
  const app = config.application;
  const spool = createFileSpool({
    paths: {
      parsed: app.parsed_entries_path,
      transmitted: app.transmitted_entries_path,
      failed: app.transmission_failed_entries_path,
      quarantine: app.quarantine_path,
    },
    maxQueuedEntries: app.spool_max_entries,
    retention: { maxAgeDays: app.retention_max_age_days, maxBytes: app.retention_max_bytes },
  });
  return { config, spool };
}
