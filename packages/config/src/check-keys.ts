import { ConfigError } from "./config-error.js";
import type { ReadContext } from "./field-readers.js";
import { nearestWord } from "./nearest-word.js";

/** The keys a mapping of `spoor.yml` may hold. */
export interface KeySet {
  /** Keys spoor reads. */
  known: readonly string[];
  /** Keys the Perl original wrote or read that spoor accepts and ignores. */
  ignored?: readonly string[];
}

/**
 * Refuses a key of `section` that spoor does not know, naming it and, when one is close, the
 * key that was probably meant ("did you mean followers?"). Keys in `keys.ignored` are added
 * to `context.ignoredKeys` (as `prefix.key`) instead.
 * @param prefix the section's dotted name ("" at the top level).
 * @throws ConfigError for the first unknown key, with a fix that is an edit of the file.
 */
export function checkKeys(
  context: ReadContext,
  prefix: string,
  section: Record<string, unknown>,
  keys: KeySet,
): void {
  const ignored = keys.ignored ?? [];
  for (const key of Object.keys(section)) {
    if (keys.known.includes(key)) continue;
    const dotted = prefix === "" ? key : `${prefix}.${key}`;
    if (ignored.includes(key)) {
      context.ignoredKeys?.push(dotted);
      continue;
    }
    const guess = nearestWord(key, keys.known);
    const where = prefix === "" ? "at the top level" : `in ${prefix}`;
    const meant = guess === undefined ? "" : `; did you mean ${guess}?`;
    const expected = `known keys ${where}: ${keys.known.join(", ")}`;
    throw new ConfigError({
      path: context.path,
      key: dotted,
      problem: `${dotted}: unknown key in ${context.path}${meant} (${expected})`,
      fix:
        guess === undefined
          ? `remove ${JSON.stringify(key)} from ${context.path}, or correct it to one of the known keys`
          : `rename ${JSON.stringify(key)} to ${JSON.stringify(guess)} in ${context.path}`,
    });
  }
}
