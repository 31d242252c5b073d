import type { IncomingMessage } from "node:http";
import { HttpProblem } from "./http-problem.js";
import { parseHostFilter } from "./parse-host-filter.js";
import { readJsonBody } from "./read-json-body.js";
import type { ReceiverStore } from "./receiver-store.js";
import { validateReport } from "./validate-report.js";

/** What the route handlers need. */
export interface RouteContext {
  store: ReceiverStore;
  maxBodyBytes: number;
  /** Most records a list returns (newest first). */
  listLimit: number;
}

/** A handler's answer: status and JSON body. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

type Handler = (
  context: RouteContext,
  request: IncomingMessage,
  query: string,
  identifier: string,
) => Promise<RouteAnswer> | RouteAnswer;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,256}$/;

async function postReport(
  context: RouteContext,
  request: IncomingMessage,
  _query: string,
  identifier: string,
): Promise<RouteAnswer> {
  const key = request.headers["idempotency-key"];
  if (key !== undefined && (Array.isArray(key) || !IDEMPOTENCY_KEY.test(key))) {
    throw new HttpProblem(400, "Idempotency-Key must be 1-256 visible ASCII characters");
  }
  const report = validateReport(await readJsonBody(request, context.maxBodyBytes));
  const outcome = context.store.accept(report, identifier, key);
  if (outcome.status === "conflict") {
    throw new HttpProblem(422, "this Idempotency-Key was already used for a different report");
  }
  return { status: 202, body: outcome };
}

/** The endpoints by path and method (contract §6, plus `/api/stats`). */
export const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  "/api/reports": {
    POST: postReport,
    GET: (context, _request, query) => ({
      status: 200,
      body: {
        reports: context.store.listReports(
          parseHostFilter(query, "reports[host]"),
          context.listLimit,
        ),
      },
    }),
  },
  "/api/mailbox_events": {
    GET: (context, _request, query) => ({
      status: 200,
      body: {
        mailbox_events: context.store.listMailboxEvents(
          parseHostFilter(query, "mailbox_events[host]"),
          context.listLimit,
        ),
      },
    }),
  },
  "/api/stats": {
    GET: (context) => ({ status: 200, body: context.store.stats() }),
  },
};
