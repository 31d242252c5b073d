/** The longest excerpt of a response body kept in an error (characters). */
export const EXCERPT_CHARS = 200;

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Turns the start of an untrusted response body into a short, log-safe excerpt: UTF-8
 * decoded (invalid bytes become U+FFFD), every occurrence of a secret replaced by `****`
 * (a server echoing the Authorization header cannot leak it), control characters escaped as
 * `\u{..}`, cut to {@link EXCERPT_CHARS} characters with a trailing `…`.
 * Returns `undefined` for an empty body. Never throws.
 */
export function bodyExcerpt(bytes: Buffer, secrets: readonly string[]): string | undefined {
  let text = bytes.toString("utf8");
  for (const secret of secrets) {
    if (secret.length > 0) text = text.split(secret).join("****");
  }
  const characters = Array.from(text.trim());
  if (characters.length === 0) return undefined;
  const cut = characters.length > EXCERPT_CHARS;
  const kept = characters.slice(0, EXCERPT_CHARS).join("");
  const escaped = kept.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return cut ? `${escaped}…` : escaped;
}
