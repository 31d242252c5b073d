import { type AlertSeverity, type AlertState, isAlertSeverity, isAlertState } from "./alert.js";
import { encodeRfc3986 } from "./list-url.js";

/** Largest page `GET /api/alerts` serves (server.md §4). */
export const MAX_ALERTS_LIMIT = 1000;

/** Filters and paging of `listAlerts` (all optional: the server's defaults apply). */
export interface AlertQuery {
  /** Only alerts of this severity or higher. */
  minSeverity?: AlertSeverity;
  state?: AlertState;
  /** Only alerts involving this reporting host. */
  host?: string;
  /** Only alerts involving this mailbox address. */
  mailbox?: string;
  /** At most this many (1–1000; the server's default is 100). */
  limit?: number;
  /** Only alerts with a smaller id (the next page: the last id of this one). */
  beforeId?: number;
}

/**
 * `{base}/api/alerts` with the query of server.md §4, e.g.
 * `/api/alerts?alerts%5Bmin_severity%5D=high&alerts%5Bstate%5D=open&limit=50`, parameters
 * in a fixed order, values RFC 3986 encoded.
 * @throws RangeError for an unknown severity or state, a limit outside 1–1000 or a
 *   `beforeId` that is not a positive whole number.
 */
export function alertsUrl(baseUrl: string, query: AlertQuery = {}): string {
  const parameters: Array<[string, string]> = [];
  if (query.minSeverity !== undefined) {
    if (!isAlertSeverity(query.minSeverity)) {
      throw new RangeError(`unknown severity ${JSON.stringify(query.minSeverity)}`);
    }
    parameters.push(["alerts%5Bmin_severity%5D", query.minSeverity]);
  }
  if (query.state !== undefined) {
    if (!isAlertState(query.state)) {
      throw new RangeError(`unknown alert state ${JSON.stringify(query.state)}`);
    }
    parameters.push(["alerts%5Bstate%5D", query.state]);
  }
  if (query.host !== undefined) parameters.push(["alerts%5Bhost%5D", query.host]);
  if (query.mailbox !== undefined) {
    parameters.push(["alerts%5Bmailbox_address%5D", query.mailbox]);
  }
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_ALERTS_LIMIT) {
      throw new RangeError(`the limit must be a whole number from 1 to ${MAX_ALERTS_LIMIT}`);
    }
    parameters.push(["limit", String(query.limit)]);
  }
  if (query.beforeId !== undefined) {
    if (!Number.isSafeInteger(query.beforeId) || query.beforeId < 1) {
      throw new RangeError("before_id must be a positive whole number");
    }
    parameters.push(["before_id", String(query.beforeId)]);
  }
  const search = parameters.map(([name, value]) => `${name}=${encodeRfc3986(value)}`).join("&");
  return `${baseUrl}/api/alerts${search === "" ? "" : `?${search}`}`;
}
