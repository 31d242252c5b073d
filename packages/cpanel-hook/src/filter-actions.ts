import { type JsonRecord, own, requiredText } from "./json-fields.js";

const ACTION_KEY = /^action(\d{1,4})$/;
const REDIRECTS = new Set(["deliver", "pipe"]);

/**
 * The redirecting rules of a stored filter: every `actionN` that is `deliver` or `pipe`, with
 * its `destN`, copied under the same keys (the error parser reads exactly these; match rules,
 * values and other actions are never copied).
 * @throws PayloadRejectedError("bad-field", `data.args.destN`) when a redirect's destination
 * is missing or not safe text.
 */
export function filterRedirects(args: JsonRecord): JsonRecord {
  const picked: JsonRecord = {};
  for (const key of Object.keys(args)) {
    const number = ACTION_KEY.exec(key)?.[1];
    const action = own(args, key);
    if (number === undefined || typeof action !== "string" || !REDIRECTS.has(action)) continue;
    picked[key] = action;
    picked[`dest${number}`] = requiredText(args, `dest${number}`, `data.args.dest${number}`);
  }
  return picked;
}
