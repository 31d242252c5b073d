const PLAIN = /^[A-Za-z0-9_/.,:@%+=-]+$/;

/** A command line for a POSIX shell: each word quoted when it holds anything but plain
 *  path characters. Never throws. */
export function shellWords(argv: readonly string[]): string {
  return argv
    .map((word) => (PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(" ");
}
