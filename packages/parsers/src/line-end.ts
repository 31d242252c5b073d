/**
 * `line` without one trailing `\n` and then one trailing `\r`, so a line handed over with its
 * newline (as the original's daemons did) parses like the bare line. Never throws.
 */
export function stripLineEnd(line: string): string {
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 10) end -= 1;
  if (end > 0 && line.charCodeAt(end - 1) === 13) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

/** True for the characters Perl's `\s` matches in a byte string: tab, LF, VT, FF, CR, space. */
export function isPerlSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
