import { formatSpoolFileName, nextSuffix, parseSpoolFileName } from "./spool-file-name.js";

/**
 * The name to try on the `attempt`-th clash when moving `name`: an entry name moves to the
 * next suffix (so it still matches the pattern), any other name gets `.<attempt>` appended.
 */
export function alternativeName(name: string, attempt: number): string {
  if (attempt === 0) return name;
  const parsed = parseSpoolFileName(name);
  if (parsed === undefined) return `${name}.${attempt}`;
  let suffix = Number(parsed.suffix);
  for (let step = 0; step < attempt; step++) suffix = nextSuffix(suffix);
  return formatSpoolFileName(parsed.type, parsed.unixSeconds, suffix);
}
