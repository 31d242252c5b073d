import { checkKeys } from "./check-keys.js";
import { type ReadContext, readAbsolutePath, readInteger, readMapping } from "./field-readers.js";
import type { ApplicationConfig } from "./spoor-config.js";

const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/**
 * The `application` section (documented but ignored by the original; read here): spool and
 * state paths, each an absolute path, and the spool's limits. Every key is optional; an
 * unknown one is refused.
 * @throws ConfigError naming the bad key.
 */
export function validateApplication(
  context: ReadContext,
  value: unknown,
  defaults: ApplicationConfig,
): ApplicationConfig {
  const section = readMapping(context, "application", value, true) ?? {};
  checkKeys(context, "application", section, { known: Object.keys(defaults) });
  const path = (key: keyof ApplicationConfig & `${string}_path`): string =>
    readAbsolutePath(context, `application.${key}`, section[key], defaults[key]);
  const integer = (key: keyof ApplicationConfig, min: number, max: number): number =>
    readInteger(context, `application.${key}`, section[key], {
      min,
      max,
      fallback: defaults[key] as number,
    });
  return {
    parsed_entries_path: path("parsed_entries_path"),
    transmitted_entries_path: path("transmitted_entries_path"),
    transmission_failed_entries_path: path("transmission_failed_entries_path"),
    state_path: path("state_path"),
    quarantine_path: path("quarantine_path"),
    spool_max_entries: integer("spool_max_entries", 1, 100_000_000),
    retention_max_age_days: integer("retention_max_age_days", 0, 36_500),
    retention_max_bytes: integer("retention_max_bytes", 0, MAX_BYTES),
  };
}
