/** Whether `text` holds a C0 control character (newline, tab, NUL…) or DEL. Never throws. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Quotes one word for a systemd unit file line (`ExecStart=`, `ReadWritePaths=`,
 * `LoadCredential=`): `%` becomes `%%` (specifiers), `$` becomes `$$` (variable expansion),
 * and a word holding whitespace, quotes, `;` or backslashes is double-quoted with `\\` and
 * `\"` escaped, as systemd.syntax(7) reads them.
 *
 * @throws Error when the word holds a control character (newline, NUL…), which no unit
 *   file line can carry.
 */
export function systemdQuote(word: string): string {
  if (hasControlCharacter(word)) {
    throw new Error(`a unit file cannot hold ${JSON.stringify(word)} (control character)`);
  }
  const escaped = word.replaceAll("%", "%%").replaceAll("$", "$$$$");
  if (escaped !== "" && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
