import { hasControlCharacter } from "../install/has-control-character.js";

/**
 * Quotes one word for a systemd unit file (`ExecStart=`, `ReadWritePaths=`): `%` becomes `%%`
 * (specifiers), `$` becomes `$$` (variable expansion), and a word holding whitespace, quotes or
 * backslashes is double-quoted with `\\` and `\"` escaped, as systemd.syntax(7) reads them.
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
