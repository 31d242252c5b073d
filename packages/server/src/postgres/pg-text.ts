// PostgreSQL text cannot hold U+0000, which a host may well send (every field is the
// attacker's). Strings are stored with an injective escape: U+FFFF (a noncharacter) is
// written twice, U+0000 as U+FFFF "0"; reading undoes it. Equality lookups stay exact
// because a query's values are escaped the same way.
const ESCAPE = "\uffff";
const NUL = "\u0000";

/** A string as stored. Never throws. */
export function escapeText(text: string): string {
  if (!text.includes(NUL) && !text.includes(ESCAPE)) return text;
  return text.replaceAll(ESCAPE, ESCAPE + ESCAPE).replaceAll(NUL, `${ESCAPE}0`);
}

/** A stored string as it was given. Never throws. */
export function unescapeText(text: string): string {
  if (!text.includes(ESCAPE)) return text;
  let plain = "";
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c !== ESCAPE) {
      plain += c;
      continue;
    }
    i += 1;
    plain += text[i] === ESCAPE ? ESCAPE : NUL;
  }
  return plain;
}

/** A query value with its strings (also inside arrays) escaped. Never throws. */
export function escapeValue(value: unknown): unknown {
  if (typeof value === "string") return escapeText(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  return value;
}

/** A result row with its string columns unescaped (in place). Never throws. */
export function unescapeRow<T>(row: T): T {
  const record = row as Record<string, unknown>;
  for (const column in record) {
    const value = record[column];
    if (typeof value === "string" && value.includes(ESCAPE)) record[column] = unescapeText(value);
  }
  return row;
}
