const SAFE = /^[A-Za-z0-9_/.,:@%+=-]+$/;

/** Quotes `word` for a POSIX shell when it holds anything but plain path characters. */
export function shellQuote(word: string): string {
  return SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
