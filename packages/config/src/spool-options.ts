import type { SpoolOptions } from "@spoor/spool";
import type { SpoorConfig } from "./spoor-config.js";

/**
 * The options of `createFileSpool` (`@spoor/spool`) for a loaded configuration: the four
 * directories of `application.*`, the `spool_max_entries` cap and the retention of
 * transmitted/. The agent, the daemons, the spool plugin and the cPanel hook all open their
 * spool with these. Pure; never throws.
 */
export function spoolOptions(config: SpoorConfig): SpoolOptions {
  const app = config.application;
  return {
    paths: {
      parsed: app.parsed_entries_path,
      transmitted: app.transmitted_entries_path,
      failed: app.transmission_failed_entries_path,
      quarantine: app.quarantine_path,
    },
    maxQueuedEntries: app.spool_max_entries,
    retention: { maxAgeDays: app.retention_max_age_days, maxBytes: app.retention_max_bytes },
  };
}
