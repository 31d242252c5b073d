import { HttpProblem } from "./http-problem.js";

/**
 * Reads a query string, e.g. `reports%5Bhost%5D=host1&limit=10` (`+` is a space), into
 * name → value. Parameters the endpoint does not know are ignored by it.
 *
 * @throws HttpProblem 400 for malformed percent-encoding or a parameter given twice.
 */
export function parseQuery(query: string): Map<string, string> {
  const found = new Map<string, string>();
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
    if (found.has(name)) throw new HttpProblem(400, `${name} is given more than once`);
    found.set(name, value);
  }
  return found;
}

/**
 * A whole-number query parameter within [min, max], or `fallback` when absent.
 *
 * @throws HttpProblem 400 naming the parameter.
 */
export function integerParameter(
  query: Map<string, string>,
  name: string,
  min: number,
  max: number,
  fallback: number | undefined,
): number | undefined {
  const text = query.get(name);
  if (text === undefined) return fallback;
  if (!/^\d{1,15}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new HttpProblem(400, `${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

/**
 * A query parameter that must be one of `allowed`, or undefined when absent.
 *
 * @throws HttpProblem 400 naming the parameter and the allowed values.
 */
export function choiceParameter<T extends string>(
  query: Map<string, string>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const text = query.get(name);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new HttpProblem(400, `${name} must be one of ${allowed.join(", ")}`);
  }
  return text as T;
}
