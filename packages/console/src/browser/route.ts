/**
 * The filters of the alert queue (all optional). `min_severity` is `medium` unless the
 * route says otherwise (`any` for every severity), as notifications default to `medium`.
 */
export interface QueueFilters {
  min_severity?: string;
  state?: string;
  host?: string;
  mailbox?: string;
}

/** Where the console is, from its `location.hash`. */
export type Route =
  | { view: "alerts"; filters: QueueFilters }
  | { view: "alert"; id: number }
  | { view: "mailbox"; address: string }
  | { view: "hosts" };

const FILTER_NAMES = ["min_severity", "state", "host", "mailbox"] as const;
/** The queue's severity floor when the route names none. */
export const DEFAULT_MIN_SEVERITY = "medium";

/**
 * Reads a hash (`#/alerts?state=open`, `#/alerts/12`, `#/mailboxes/alice%40example.com`,
 * `#/hosts`); anything else is the unfiltered queue. Never throws.
 */
export function parseRoute(hash: string): Route {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  const question = text.indexOf("?");
  const path = question === -1 ? text : text.slice(0, question);
  const alert = /^\/alerts\/([1-9]\d{0,14})$/.exec(path);
  if (alert) return { view: "alert", id: Number(alert[1]) };
  if (path === "/hosts") return { view: "hosts" };
  if (path.startsWith("/mailboxes/")) {
    try {
      const address = decodeURIComponent(path.slice("/mailboxes/".length));
      if (address !== "") return { view: "mailbox", address };
    } catch {
      // a malformed escape: fall through to the queue
    }
  }
  const filters: QueueFilters = { min_severity: DEFAULT_MIN_SEVERITY };
  const query = new URLSearchParams(question === -1 ? "" : text.slice(question + 1));
  for (const name of FILTER_NAMES) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return { view: "alerts", filters };
}

/** The hash of a route (the inverse of {@link parseRoute}). Never throws. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case "alert":
      return `#/alerts/${route.id}`;
    case "hosts":
      return "#/hosts";
    case "mailbox":
      return `#/mailboxes/${encodeURIComponent(route.address)}`;
    case "alerts": {
      const query = new URLSearchParams();
      for (const name of FILTER_NAMES) {
        const value = route.filters[name];
        if (name === "min_severity" && (value ?? DEFAULT_MIN_SEVERITY) !== DEFAULT_MIN_SEVERITY) {
          query.set(name, value ?? "any");
        } else if (name !== "min_severity" && value) query.set(name, value);
      }
      const text = query.toString();
      return text ? `#/alerts?${text}` : "#/alerts";
    }
  }
}

/** The `GET /api/alerts` path for queue filters, newest first, one page. Never throws. */
export function alertsPath(filters: QueueFilters, limit: number, beforeId?: number): string {
  const query = new URLSearchParams();
  if (filters.min_severity && filters.min_severity !== "any") {
    query.set("alerts[min_severity]", filters.min_severity);
  }
  if (filters.state) query.set("alerts[state]", filters.state);
  if (filters.host) query.set("alerts[host]", filters.host);
  if (filters.mailbox) query.set("alerts[mailbox_address]", filters.mailbox);
  query.set("limit", String(limit));
  if (beforeId !== undefined) query.set("before_id", String(beforeId));
  return `/api/alerts?${query.toString()}`;
}

/** The `GET /api/mailbox_events` path of one mailbox's newest `records` events. Never throws. */
export function mailboxEventsPath(address: string, records: number): string {
  const query = new URLSearchParams({
    "mailbox_events[mailbox_address]": address,
    records: String(records),
  });
  return `/api/mailbox_events?${query.toString()}`;
}
