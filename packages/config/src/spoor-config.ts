import type { LogType } from "./log-type.js";

/** One follower: the log file it tails. */
export interface FollowerConfig {
  name: string;
}

/** How and where entries are sent (the original's `transmission` section plus new keys). */
export interface TransmissionConfig {
  credentials: { api_identifier: string; api_secret: string };
  /** `http(s)://host[:port]` without a trailing slash. */
  host: string;
  endpoints: { report: string };
  /** Allow plain http to a non-loopback host (default false). */
  allow_insecure_http: boolean;
  /** Per-request timeout in milliseconds (default 30000). */
  timeout_ms: number;
  /** Requests in flight at once (default 4). */
  concurrency: number;
  /** Opt-in event kinds beyond the original four (default []). */
  events: string[];
  /** Hostname sent as `metadata.reporter` (default: the machine's hostname). */
  reporter?: string;
  /** Send a heartbeat (`POST /api/heartbeats`) every 60 s (default false: the original Spoor
   *  API does not know the endpoint). */
  heartbeat: boolean;
  /** An analyst credential for `spoor alert list` and the other read commands (optional; the
   *  agent never uses it). */
  analyst_credentials?: { api_identifier: string; api_secret: string };
}

/** Where spoor keeps its state, and the spool's limits. */
export interface ApplicationConfig {
  parsed_entries_path: string;
  transmitted_entries_path: string;
  transmission_failed_entries_path: string;
  state_path: string;
  quarantine_path: string;
  /** Back-pressure cap on queued entries (default 100000). */
  spool_max_entries: number;
  /** transmitted/ entries older than this are pruned (default 30). */
  retention_max_age_days: number;
  /** transmitted/ is pruned, oldest first, down to this many bytes (default 268435456). */
  retention_max_bytes: number;
}

/** A loaded, validated configuration with every default filled in. */
export interface SpoorConfig {
  /** "/" unless relocated with --root. */
  root: string;
  /** The file that was read. */
  sourcePath: string;
  followers: Partial<Record<LogType, FollowerConfig>>;
  transmission: TransmissionConfig;
  application: ApplicationConfig;
  /** The Perl original's keys found in the file and ignored (`followers.login.maxinterval`, …). */
  ignoredKeys?: string[];
}

/** What `writeConfig` writes: the file's own sections, new keys optional. */
export interface ConfigFileContent {
  followers: Partial<Record<LogType, FollowerConfig & Record<string, unknown>>>;
  transmission: Pick<TransmissionConfig, "credentials" | "host"> &
    Partial<Omit<TransmissionConfig, "credentials" | "host">>;
  application?: Partial<ApplicationConfig>;
}
