import { basename, dirname, join } from "node:path";
import { checkKeys } from "./check-keys.js";
import { type ReadContext, readAbsolutePath, readInteger, readMapping } from "./field-readers.js";
import type { ApplicationConfig } from "./spoor-config.js";

const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/**
 * The `application` section (documented but ignored by the original; read here): spool and
 * state paths, each an absolute path, and the spool's limits. Every key is optional. A
 * directory the file does not name sits beside `parsed_entries_path` (its default name in the
 * same parent), so a file that relocates the queue never sends another directory to the
 * machine's default `/var/lib/spoor`; with no `parsed_entries_path` either, that is the
 * default state directory. An unknown key is refused.
 * @throws ConfigError naming the bad key.
 */
export function validateApplication(
  context: ReadContext,
  value: unknown,
  defaults: ApplicationConfig,
): ApplicationConfig {
  const section = readMapping(context, "application", value, true) ?? {};
  checkKeys(context, "application", section, { known: Object.keys(defaults) });
  type PathKey = keyof ApplicationConfig & `${string}_path`;
  const read = (key: PathKey, fallback: string): string =>
    readAbsolutePath(context, `application.${key}`, section[key], fallback);
  const parsed = read("parsed_entries_path", defaults.parsed_entries_path);
  const path = (key: PathKey): string => read(key, join(dirname(parsed), basename(defaults[key])));
  const integer = (key: keyof ApplicationConfig, min: number, max: number): number =>
    readInteger(context, `application.${key}`, section[key], {
      min,
      max,
      fallback: defaults[key] as number,
    });
  return {
    parsed_entries_path: parsed,
    transmitted_entries_path: path("transmitted_entries_path"),
    transmission_failed_entries_path: path("transmission_failed_entries_path"),
    state_path: path("state_path"),
    quarantine_path: path("quarantine_path"),
    spool_max_entries: integer("spool_max_entries", 1, 100_000_000),
    retention_max_age_days: integer("retention_max_age_days", 0, 36_500),
    retention_max_bytes: integer("retention_max_bytes", 0, MAX_BYTES),
  };
}
