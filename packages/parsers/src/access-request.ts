import { isPerlSpace } from "./line-end.js";
import { unescapePercent } from "./unescape-percent.js";

// The original's page patterns: the dot before "html" is any character, the page name may sit
// anywhere after the method (query strings included).
const LEGACY_ADD_PAGE = /doaddfwd[^\n]html/g;
const LEGACY_DELETE_PAGE = /dodelfwd[^\n]html\?/g;
// UAPI calls of any theme (Jupiter pages, API tokens): the function is the last path segment.
const UAPI_ADD =
  /^(?:GET|POST)[\t\n\v\f\r ]+[^\t\n\v\f\r ?]*\/execute\/Email\/add_forwarder(?:[?\t\n\v\f\r ]|$)/;
const UAPI_DELETE =
  /^(?:GET|POST)[\t\n\v\f\r ]+[^\t\n\v\f\r ?]*\/execute\/Email\/delete_forwarder\?([^\t\n\v\f\r ]*)/;
const FORWARDER_PARAMETER = /(?:^|&)forwarder=([^&\t\n\v\f\r ]+)/;
const EMAILDEST = "emaildest=";

/** The request up to its first newline: the original's `.` never crossed one. */
function firstLine(request: string): string {
  const newline = request.indexOf("\n");
  return newline === -1 ? request : request.slice(0, newline);
}

/** The value starting at `from`, up to whitespace, `?` or `&` (the `&` is the deliberate fix). */
function valueAt(text: string, from: number): string {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isPerlSpace(code) || code === 63 || code === 38) break;
    end += 1;
  }
  return text.slice(from, end);
}

/**
 * True when the request line adds a forwarder: a POST whose text contains `doaddfwd?html`
 * after the method (the original's rule, any theme), or a GET/POST of the UAPI function
 * `…/execute/Email/add_forwarder`. Never throws.
 */
export function isForwardAdd(request: string): boolean {
  const head = firstLine(request);
  if (head.startsWith("POST")) {
    LEGACY_ADD_PAGE.lastIndex = 5;
    if (LEGACY_ADD_PAGE.test(head)) return true;
  }
  return UAPI_ADD.test(head);
}

function legacyRemoval(head: string): string | undefined {
  if (!head.startsWith("GET")) return undefined;
  LEGACY_DELETE_PAGE.lastIndex = 4;
  const page = LEGACY_DELETE_PAGE.exec(head);
  if (page === null) return undefined;
  const from = page.index + page[0].length;
  // As the original: the last `emaildest=` whose value does not start with whitespace or `?`.
  for (let at = head.lastIndexOf(EMAILDEST); at >= from; at = head.lastIndexOf(EMAILDEST, at - 1)) {
    const valueStart = at + EMAILDEST.length;
    const code = head.charCodeAt(valueStart);
    if (valueStart < head.length && !isPerlSpace(code) && code !== 63) {
      return valueAt(head, valueStart);
    }
  }
  return undefined;
}

/**
 * The raw (still %-escaped) forwarder of a removal request, or undefined when the request is
 * not one: a GET on `dodelfwd?html?…emaildest=VALUE` (the original's rule; the value now
 * ends at `&` too, so it may be empty) or a GET/POST of the UAPI function
 * `…/execute/Email/delete_forwarder?…forwarder=VALUE…` with a non-empty forwarder.
 * Never throws.
 */
export function forwardRemovalRecipient(request: string): string | undefined {
  const head = firstLine(request);
  const legacy = legacyRemoval(head);
  if (legacy !== undefined) return legacy;
  const query = UAPI_DELETE.exec(head)?.[1];
  if (query === undefined) return undefined;
  return FORWARDER_PARAMETER.exec(query)?.[1];
}

/**
 * The `forward_recipient` value of a removal: the raw value %-unescaped, or undefined when
 * the original would have dropped the key (empty or exactly `"0"`). Never throws.
 */
export function recipientValue(raw: string): string | undefined {
  const value = unescapePercent(raw);
  return value === "" || value === "0" ? undefined : value;
}
