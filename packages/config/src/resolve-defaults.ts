import { join, resolve } from "node:path";
import type { LogType } from "./log-type.js";
import type { ApplicationConfig, TransmissionConfig } from "./spoor-config.js";

/** Every default path and value, relocated under a root. */
export interface ResolvedDefaults {
  root: string;
  configPath: string;
  logPaths: Record<LogType, string>;
  application: ApplicationConfig;
  transmission: Omit<
    TransmissionConfig,
    "credentials" | "host" | "reporter" | "analyst_credentials"
  >;
}

/**
 * The default paths under `root` (default "/", as `--root DIR` relocates them): config
 * `DIR/etc/spoor/spoor.yml`, state under `DIR/var/lib/spoor/`, cPanel logs under
 * `DIR/usr/local/cpanel/logs/`. A relative root is resolved against the working directory.
 * Never throws.
 */
export function resolveDefaults(root = "/"): ResolvedDefaults {
  const base = resolve(root);
  const state = join(base, "var/lib/spoor");
  const logs = join(base, "usr/local/cpanel/logs");
  return {
    root: base,
    configPath: join(base, "etc/spoor/spoor.yml"),
    logPaths: {
      access: join(logs, "access_log"),
      error: join(logs, "error_log"),
      login: join(logs, "login_log"),
      session: join(logs, "session_log"),
    },
    application: {
      parsed_entries_path: join(state, "parsed"),
      transmitted_entries_path: join(state, "transmitted"),
      transmission_failed_entries_path: join(state, "transmission_failed"),
      state_path: join(state, "state"),
      quarantine_path: join(state, "quarantine"),
      spool_max_entries: 100_000,
      retention_max_age_days: 30,
      retention_max_bytes: 256 * 1024 * 1024,
    },
    transmission: {
      endpoints: { report: "/api/reports" },
      allow_insecure_http: false,
      timeout_ms: 30_000,
      concurrency: 4,
      events: [],
      heartbeat: false,
    },
  };
}
