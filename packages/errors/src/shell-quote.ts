const PLAIN = /^[A-Za-z0-9_/.,:@%+=-]+$/;

/**
 * Quotes `word` for a POSIX shell when it holds anything but plain path characters
 * (`/var/lib/spoor` stays as it is; `/tmp/a b` becomes `'/tmp/a b'`, and `it's` becomes
 * `'it'\''s'`; the empty string becomes `''`). Never throws.
 */
export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A command line for a POSIX shell: each word through {@link shellQuote}, joined by spaces. Never throws. */
export function shellWords(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
