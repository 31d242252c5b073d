/**
 * The fields of one CSV line (RFC 4180 quoting: `"a, b"`, `""` inside quotes). Never throws;
 * an unterminated quote runs to the end of the line.
 *
 * @example csvFields('1,2,13335,"Cloudflare, Inc."') // → ["1", "2", "13335", "Cloudflare, Inc."]
 */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = "";
      at += 1;
      while (at < line.length) {
        if (line[at] === '"') {
          if (line[at + 1] === '"') {
            value += '"';
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        value += line[at];
        at += 1;
      }
      fields.push(value);
      at = line.indexOf(",", at);
      if (at < 0) break;
      at += 1;
    } else {
      const comma = line.indexOf(",", at);
      fields.push(line.slice(at, comma < 0 ? line.length : comma));
      if (comma < 0) break;
      at = comma + 1;
    }
  }
  return fields;
}
