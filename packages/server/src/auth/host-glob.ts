/**
 * Compiles a `--hosts` glob to a matcher: `*` is any run of characters, `?` one character,
 * and a comma separates alternatives (`web*.example.com,mail1`). Matching is exact and
 * case-insensitive (host names are). Never throws.
 */
export function compileHostGlob(glob: string): (host: string) => boolean {
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
  if (alternatives.length === 0) return () => false;
  const pattern = new RegExp(`^(?:${alternatives.join("|")})$`, "is");
  return (host) => pattern.test(host);
}
