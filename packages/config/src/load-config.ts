import { dirname, resolve } from "node:path";
import { checkOwnedDirectory, PermissionError } from "@spoor/safe-file";
import { parseConfigText } from "./parse-config-text.js";
import { readConfigFile } from "./read-config-file.js";
import { resolveDefaults } from "./resolve-defaults.js";
import type { SpoorConfig } from "./spoor-config.js";
import { validateConfig } from "./validate-config.js";

/** Where to read the configuration from, and whether to enforce ownership and modes. */
export interface LoadConfigOptions {
  /** The file (default `<root>/etc/spoor/spoor.yml`). */
  path?: string;
  /** Relocates every default path (default "/"). */
  root?: string;
  /** Enforce owner = effective uid and modes 0600/0700 (default true). */
  checkPermissions?: boolean;
  /** The owner required (default `process.geteuid()`). */
  uid?: number;
}

/**
 * Loads, validates and permission-checks `spoor.yml`. The file must not be a symbolic link;
 * with `checkPermissions` (the default) it must be owned by the running user with mode 0600,
 * its directory 0700, and every spool and state directory that exists already 0700.
 * @throws PermissionError (path, what was found, the chown/chmod that fixes it);
 *   ConfigError for a missing, oversized, non-UTF-8 or non-YAML file, or a bad value.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<SpoorConfig> {
  const defaults = resolveDefaults(options.root);
  const path = resolve(options.path ?? defaults.configPath);
  const checkPermissions = options.checkPermissions ?? true;
  const uid = options.uid ?? process.geteuid?.() ?? 0;
  const text = await readConfigFile(path, { checkPermissions, uid });
  if (checkPermissions) refuseBadDirectory(dirname(path), uid, false);
  const config = validateConfig(parseConfigText(text, path), { path, root: defaults.root });
  if (checkPermissions) {
    const { application } = config;
    for (const directory of [
      application.parsed_entries_path,
      application.transmitted_entries_path,
      application.transmission_failed_entries_path,
      application.quarantine_path,
      application.state_path,
    ]) {
      refuseBadDirectory(directory, uid, true);
    }
  }
  return config;
}

function refuseBadDirectory(path: string, uid: number, mayBeMissing: boolean): void {
  const problem = checkOwnedDirectory(path, uid);
  if (problem === undefined) return;
  if (mayBeMissing && problem.kinds.includes("missing")) return;
  throw new PermissionError(problem);
}
