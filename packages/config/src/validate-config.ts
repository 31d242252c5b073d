import { checkKeys } from "./check-keys.js";
import { type ReadContext, readMapping } from "./field-readers.js";
import { resolveDefaults } from "./resolve-defaults.js";
import type { SpoorConfig } from "./spoor-config.js";
import { validateApplication } from "./validate-application.js";
import { validateFollowers } from "./validate-followers.js";
import { validateTransmission } from "./validate-transmission.js";

/**
 * Turns a parsed `spoor.yml` (scalars as strings, as the failsafe YAML schema gives them)
 * into a SpoorConfig with defaults relocated under `root`. The Perl original's own keys
 * (`followers.<type>.debug`, `maxinterval`, `transformer`, `tail`) are accepted and listed in
 * `ignoredKeys`; any other unknown key is refused.
 * @param options.path the file the values came from, named in messages.
 * @throws ConfigError naming the key, the value found (never a secret) and what is expected;
 *   for an unknown key, the nearest known one ("did you mean followers?") and the edit.
 */
export function validateConfig(
  raw: unknown,
  options: { path: string; root?: string },
): SpoorConfig {
  const context: ReadContext = { path: options.path, ignoredKeys: [] };
  const defaults = resolveDefaults(options.root);
  const document = readMapping(context, "top level", raw, false)!;
  checkKeys(context, "", document, { known: ["followers", "transmission", "application"] });
  return {
    root: defaults.root,
    sourcePath: options.path,
    followers: validateFollowers(context, document.followers),
    transmission: validateTransmission(context, document.transmission, defaults.transmission),
    application: validateApplication(context, document.application, defaults.application),
    ignoredKeys: context.ignoredKeys!,
  };
}
