/**
 * Compiles a `--hosts` glob to a matcher: `*` is any run of characters, `?` one character,
 * and a comma separates alternatives (`web*.example.com,mail1`). Matching is exact and
 * case-insensitive (host names are). Never throws.
 */
export function compileHostGlob(glob: string): (host: string) => boolean {
  const source = hostGlobPattern(glob);
  if (source === null) return () => false;
  const pattern = new RegExp(source, "is");
  return (host) => pattern.test(host);
}

/**
 * The anchored regular expression of a `--hosts` glob (for case-insensitive matching; the
 * same text works in JavaScript and as a PostgreSQL `~*` pattern), or null when the glob
 * has no alternative. Never throws.
 */
export function hostGlobPattern(glob: string): string | null {
  const alternatives = glob
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replaceAll("*", ".*")
        .replaceAll("?", "."),
    );
  return alternatives.length === 0 ? null : `^(?:${alternatives.join("|")})$`;
}
