import type { IncomingMessage } from "node:http";
import type { Principal, Role } from "../auth/principal.js";
import { HttpProblem } from "../http/http-problem.js";
import type { IngestOutcome } from "../ingest/ingest-report.js";
import type { ValidReport } from "../ingest/validate-report.js";
import type { ServerLogger } from "../server-logger.js";
import type { AlertState } from "../store/alert.js";
import type { AlertStore } from "../store/alert-store.js";
import type { EventStore } from "../store/event-store.js";
import type { Heartbeat, HeartbeatStore } from "../store/heartbeat-store.js";
import type { EventClass, MailboxEventJson } from "../store/mailbox-event.js";
import type { ReportStore } from "../store/report-store.js";
import type { Async } from "../store/server-store.js";

/** What the endpoint handlers need. */
export interface RouteContext {
  reports: Async<ReportStore>;
  events: Async<EventStore>;
  alerts: Async<AlertStore>;
  heartbeats: Async<HeartbeatStore>;
  /** Resolves after the commit. */
  ingest(report: ValidReport, identifier: string, key: string | undefined): Promise<IngestOutcome>;
  /** An analyst's change of an alert's state (and what follows from it). */
  setAlertState(id: number, state: AlertState): Promise<unknown>;
  assessEvent(id: number, eventClass: EventClass | null): Promise<MailboxEventJson | undefined>;
  recordHeartbeat(host: string, body: Heartbeat): Promise<void>;
  /** Every host's last report and heartbeat (`GET /api/hosts`). */
  hosts(): Promise<{ now: number; hosts: import("./list-hosts.js").HostJson[] }>;
  /** Unix seconds before which the retention pass removes records (now − retention_days). */
  retentionCutoff(): number;
  logger: ServerLogger;
  maxBodyBytes: number;
  /** Most records a list returns by default. */
  listLimit: number;
}

/** One request, authenticated. */
export interface RouteRequest {
  request: IncomingMessage;
  query: string;
  principal: Principal;
  /** The `:id` of the path, when it has one. */
  id?: number;
}

/** A handler's answer: status and JSON body. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** An endpoint. */
export type Handler = (
  context: RouteContext,
  request: RouteRequest,
) => Promise<RouteAnswer> | RouteAnswer;

/**
 * Refuses a principal without `role`.
 *
 * @throws HttpProblem 403 naming the role needed.
 */
export function requireRole(principal: Principal, role: Role): void {
  if (!principal.roles.includes(role)) {
    throw new HttpProblem(403, `this needs a credential with the ${role} role`);
  }
}
