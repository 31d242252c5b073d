import { HttpProblem } from "../http/http-problem.js";
import { choiceParameter, integerParameter, parseQuery } from "../http/parse-query.js";
import { EVENT_CLASSES } from "../store/mailbox-event.js";
import type { Handler, RouteRequest } from "./route-context.js";

/** The host filter of a list, checked against the caller's glob (403 outside it). */
function hostFilter(request: RouteRequest, query: Map<string, string>, name: string) {
  const host = query.get(name);
  if (host !== undefined && !request.principal.allowsHost(host)) {
    throw new HttpProblem(403, "this credential may not read records of this host");
  }
  return host;
}

/** `GET /api/reports?reports[host]=H` → `{"reports":[…]}` newest first. */
export const listReports: Handler = async (context, request) => {
  const query = parseQuery(request.query);
  const host = hostFilter(request, query, "reports[host]");
  const limit = integerParameter(query, "limit", 1, 1000, context.listLimit)!;
  return {
    status: 200,
    body: { reports: await context.reports.list(host, request.principal.hosts, limit) },
  };
};

/**
 * `GET /api/mailbox_events` with `mailbox_events[host]`, `mailbox_events[mailbox_address]`,
 * `mailbox_events[class]` (a class or `none`), paging `offset`/`records` (≤ 1000, default the list limit) → `{"mailbox_events":
 * […],"more_records":bool}` newest first.
 */
export const listMailboxEvents: Handler = async (context, request) => {
  const query = parseQuery(request.query);
  const host = hostFilter(request, query, "mailbox_events[host]");
  const eventClass = choiceParameter(query, "mailbox_events[class]", [...EVENT_CLASSES, "none"]);
  const { events, more } = await context.events.list({
    host,
    mailboxAddress: query.get("mailbox_events[mailbox_address]"),
    eventClass,
    hostsGlob: request.principal.hosts,
    offset: integerParameter(query, "offset", 0, Number.MAX_SAFE_INTEGER, 0)!,
    records: integerParameter(query, "records", 1, 1000, context.listLimit)!,
  });
  return { status: 200, body: { mailbox_events: events, more_records: more } };
};
