import { HttpProblem } from "../http/http-problem.js";
import { choiceParameter, integerParameter, parseQuery } from "../http/parse-query.js";
import { readJsonBody } from "../ingest/read-json-body.js";
import { ALERT_STATES, SEVERITIES } from "../store/alert.js";
import { EVENT_CLASSES, type EventClass } from "../store/mailbox-event.js";
import { type Handler, requireRole } from "./route-context.js";

/**
 * `GET /api/alerts` (analyst): `alerts[host]`, `alerts[mailbox_address]`,
 * `alerts[min_severity]`, `alerts[state]`, `limit` (≤ 1000, default 100), `before_id` →
 * `{"alerts":[…]}` newest first.
 */
export const listAlerts: Handler = async (context, { query: text, principal }) => {
  requireRole(principal, "analyst");
  const query = parseQuery(text);
  return {
    status: 200,
    body: {
      alerts: await context.alerts.list({
        host: query.get("alerts[host]"),
        mailboxAddress: query.get("alerts[mailbox_address]"),
        minSeverity: choiceParameter(query, "alerts[min_severity]", SEVERITIES),
        state: choiceParameter(query, "alerts[state]", ALERT_STATES),
        beforeId: integerParameter(query, "before_id", 1, Number.MAX_SAFE_INTEGER, undefined),
        limit: integerParameter(query, "limit", 1, 1000, 100)!,
      }),
    },
  };
};

/** `GET /api/alerts/:id` (analyst) → the alert. */
export const getAlert: Handler = async (context, { principal, id }) => {
  requireRole(principal, "analyst");
  const alert = await context.alerts.byId(id!);
  if (alert === undefined) throw new HttpProblem(404, "no such alert");
  return { status: 200, body: alert };
};

async function patchBody(request: Parameters<Handler>[1]) {
  const { document } = await readJsonBody(request.request, 16 * 1024);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new HttpProblem(400, "the body must be a JSON object");
  }
  return document as Record<string, unknown>;
}

/** `PATCH /api/alerts/:id` `{"state":…}` (analyst) → the alert. */
export const patchAlert: Handler = async (context, request) => {
  requireRole(request.principal, "analyst");
  const { state } = await patchBody(request);
  if (!(ALERT_STATES as readonly unknown[]).includes(state)) {
    throw new HttpProblem(400, `state must be one of ${ALERT_STATES.join(", ")}`);
  }
  const alert = await context.setAlertState(request.id!, state as (typeof ALERT_STATES)[number]);
  if (alert === undefined) throw new HttpProblem(404, "no such alert");
  return { status: 200, body: alert };
};

/** `PATCH /api/mailbox_events/:id` `{"class":…}` (analyst; null clears) → the event. */
export const patchMailboxEvent: Handler = async (context, request) => {
  requireRole(request.principal, "analyst");
  const body = await patchBody(request);
  const eventClass = body.class;
  if (eventClass !== null && !(EVENT_CLASSES as readonly unknown[]).includes(eventClass)) {
    throw new HttpProblem(400, `class must be null or one of ${EVENT_CLASSES.join(", ")}`);
  }
  const event = await context.assessEvent(request.id!, eventClass as EventClass | null);
  if (event === undefined) throw new HttpProblem(404, "no such mailbox event");
  return { status: 200, body: event };
};
