import { lstatSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { shellQuote } from "@spoor/errors";
import { checkOwnedDirectory, PermissionError, sharedDirectoryReason } from "@spoor/safe-file";
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
  if (checkPermissions) refuseBadConfigDirectory(path, defaults.configPath, uid);
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

/** The config's directory; when it is not spoor's own (e.g. /tmp), the fix moves the file. */
function refuseBadConfigDirectory(path: string, defaultPath: string, uid: number): void {
  const directory = dirname(path);
  const problem = checkOwnedDirectory(directory, uid);
  if (problem === undefined) return;
  const shared = problem.kinds.includes("owner") || problem.kinds.includes("mode");
  if (shared && sharedDirectoryReason(directory, lstatSync(directory)) !== undefined) {
    const target = dirname(defaultPath);
    problem.fix = `leave ${shellQuote(directory)} as it is and move the config into a directory of its own: mkdir -m 0700 ${shellQuote(target)} && mv ${shellQuote(path)} ${shellQuote(defaultPath)} (then pass --config ${shellQuote(defaultPath)}, or nothing: it is the default)`;
  }
  throw new PermissionError(problem);
}

function refuseBadDirectory(path: string, uid: number, mayBeMissing: boolean): void {
  const problem = checkOwnedDirectory(path, uid);
  if (problem === undefined) return;
  if (mayBeMissing && problem.kinds.includes("missing")) return;
  throw new PermissionError(problem);
}
