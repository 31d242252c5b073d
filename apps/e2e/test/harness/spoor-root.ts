import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type ApplicationConfig,
  type ConfigFileContent,
  type LogType,
  resolveDefaults,
  writeConfig,
} from "@spoor/config";
import { makeCpanelRoot } from "@spoor/test-support";

/** A throw-away `--root`: cPanel's log directory, `etc/spoor/spoor.yml` (0600 in 0700). */
export interface SpoorRoot {
  root: string;
  configPath: string;
  application: ApplicationConfig;
  logPath(type: LogType): string;
  /** Names in parsed/ that are spool entries (temp files excluded); none before it exists. */
  queued(): Promise<string[]>;
  /** How many entries transmitted/ and transmission_failed/ hold (what a failure message needs). */
  settled(): Promise<{ transmitted: number; failed: number }>;
  /** The saved checkpoint of `type`, or undefined before the first save. */
  checkpoint(type: LogType): Promise<{ path: string; offset: number } | undefined>;
  cleanup(): Promise<void>;
}

/** What {@link makeSpoorRoot} puts into the config besides the followers. */
export interface SpoorRootOptions {
  followers: readonly LogType[];
  /** The API (receiver or fault proxy) URL. */
  host: string;
  /** Unique per test: the receiver lists reports by this host. */
  reporter: string;
  transmission?: Partial<Omit<ConfigFileContent["transmission"], "credentials" | "host">>;
  application?: Partial<ApplicationConfig>;
}

/** The credentials every e2e receiver accepts. */
export const CREDENTIALS = { api_identifier: "e2e-id", api_secret: "e2e-secret-not-real" };

/**
 * Creates a unique root under the OS temp directory with an empty log file per follower
 * (cPanel's logs exist before spoor starts) and a config written by `@spoor/config`.
 * @throws the file-system or ConfigError of writing them.
 */
export async function makeSpoorRoot(options: SpoorRootOptions): Promise<SpoorRoot> {
  const cpanel = await makeCpanelRoot("spoor-e2e-", options.followers);
  const root = cpanel.path;
  const defaults = resolveDefaults(root);
  const application = { ...defaults.application, ...options.application };
  const followers: ConfigFileContent["followers"] = {};
  for (const type of options.followers) followers[type] = { name: defaults.logPaths[type] };
  await writeConfig(defaults.configPath, {
    followers,
    transmission: {
      credentials: CREDENTIALS,
      host: options.host,
      reporter: options.reporter,
      ...options.transmission,
    },
    // Every path explicitly: `--config` alone does not relocate the defaults (`--root` does).
    application,
  });
  return {
    root,
    configPath: defaults.configPath,
    application,
    logPath: (type) => defaults.logPaths[type],
    async queued() {
      const names = await readdir(application.parsed_entries_path).catch(() => []);
      return names.filter((name) => name.endsWith(".json")).sort();
    },
    async settled() {
      const count = async (dir: string) =>
        (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".json")).length;
      return {
        transmitted: await count(application.transmitted_entries_path),
        failed: await count(application.transmission_failed_entries_path),
      };
    },
    async checkpoint(type) {
      const path = join(application.state_path, `${type}.checkpoint.json`);
      const text = await readFile(path, "utf8").catch(() => undefined);
      return text === undefined
        ? undefined
        : (JSON.parse(text) as { path: string; offset: number });
    },
    cleanup: cpanel.cleanup,
  };
}
