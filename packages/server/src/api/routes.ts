import { getAlert, listAlerts, patchAlert, patchMailboxEvent } from "./alerts.js";
import { getMailboxEvent } from "./get-mailbox-event.js";
import { listHosts } from "./list-hosts.js";
import { listMailboxEvents, listReports } from "./list-records.js";
import { postHeartbeat } from "./post-heartbeat.js";
import { postReport } from "./post-report.js";
import type { Handler } from "./route-context.js";

/** The endpoints by path pattern and method (`:id` is a positive whole number). */
export const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  "/api/reports": { POST: postReport, GET: listReports },
  "/api/heartbeats": { POST: postHeartbeat },
  "/api/mailbox_events": { GET: listMailboxEvents },
  "/api/mailbox_events/:id": { GET: getMailboxEvent, PATCH: patchMailboxEvent },
  "/api/alerts": { GET: listAlerts },
  "/api/hosts": { GET: listHosts },
  "/api/alerts/:id": { GET: getAlert, PATCH: patchAlert },
  "/api/stats": {
    GET: async (context) => ({ status: 200, body: await context.reports.stats() }),
  },
};

const WITH_ID = /^(\/api\/[a-z_]+)\/([1-9]\d{0,14})$/;

/** The route pattern of a path and its `:id`, or undefined for an unknown path. Never throws. */
export function matchRoute(path: string): { pattern: string; id?: number } | undefined {
  if (Object.hasOwn(ROUTES, path)) return { pattern: path };
  const match = WITH_ID.exec(path);
  if (match === null) return undefined;
  const pattern = `${match[1]}/:id`;
  return Object.hasOwn(ROUTES, pattern) ? { pattern, id: Number(match[2]) } : undefined;
}
