import { HttpProblem } from "./http-problem.js";

/**
 * Reads the host filter of a list query, e.g. `reports%5Bhost%5D=host1` for the parameter
 * `reports[host]` (`+` is a space). Returns `undefined` without the parameter; other
 * parameters are ignored.
 *
 * @throws HttpProblem 400 for malformed percent-encoding or a repeated filter.
 */
export function parseHostFilter(query: string, parameter: string): string | undefined {
  let found: string | undefined;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const [rawName, rawValue] =
      equals === -1 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replaceAll("+", " "));
      value = decodeURIComponent(rawValue.replaceAll("+", " "));
    } catch {
      throw new HttpProblem(400, "the query string is not valid percent-encoded UTF-8");
    }
    if (name !== parameter) continue;
    if (found !== undefined) throw new HttpProblem(400, `${parameter} is given more than once`);
    found = value;
  }
  return found;
}
