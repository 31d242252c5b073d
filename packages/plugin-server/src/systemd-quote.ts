/** True when the text holds a C0 control character or DEL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Quotes one word for a unit file line (`ExecStart=`): `%` → `%%`, `$` → `$$`, and a word
 * with whitespace, quotes, `;` or backslashes double-quoted (systemd.syntax(7)).
 *
 * @throws Error for a control character, which no unit line can carry.
 */
export function systemdQuote(word: string): string {
  if (hasControlCharacter(word)) {
    throw new Error(`a unit file cannot hold ${JSON.stringify(word)} (control character)`);
  }
  const escaped = word.replaceAll("%", "%%").replaceAll("$", "$$$$");
  if (escaped !== "" && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
