import { eventClass } from "@spoor/correlation";
import type Database from "better-sqlite3";
import type { RouteContext } from "./api/route-context.js";
import type { ServerConfig } from "./config/validate-server-config.js";
import { checkAgentSilence } from "./ingest/check-agent-silence.js";
import { type AlertNotice, createCorrelationSteps } from "./ingest/correlation-steps.js";
import { createIngest, type IpFacts } from "./ingest/ingest-report.js";
import type { ServerLogger } from "./server-logger.js";
import { createAlertStore } from "./store/alert-store.js";
import { createEventStore } from "./store/event-store.js";
import { createHeartbeatStore } from "./store/heartbeat-store.js";
import { createHistoryStore } from "./store/history-store.js";
import { createPrune, type PruneResult } from "./store/prune-old-records.js";
import { createReportStore } from "./store/report-store.js";

/** What {@link createServerContext} composes. */
export interface ServerContextOptions {
  db: Database.Database;
  config: ServerConfig;
  logger: ServerLogger;
  lookupIp(ip: string): IpFacts & { ip_address: string | null };
  /** Adds an outbox row inside the current transaction. @returns rows added. */
  enqueue: AlertNotice extends (...args: infer A) => unknown ? (...args: A) => number : never;
  /** Tells the notification worker that rows were committed. */
  wake(): void;
  clock(): number;
  maxBodyBytes: number;
  listLimit: number;
}

/**
 * The server's working parts over one database: the stores, the ingest transaction (with
 * correlation and the outbox, waking the worker after a commit that enqueued), the
 * analyst's changes and the agent-silent check. Never throws once built.
 */
export function createServerContext(
  options: ServerContextOptions,
): RouteContext & { checkSilence(): number; prune(): PruneResult } {
  const { db, config } = options;
  const seconds = () => Math.floor(options.clock() / 1000);
  const reports = createReportStore(db);
  const events = createEventStore(db);
  const alerts = createAlertStore(db);
  const heartbeats = createHeartbeatStore(db);
  let enqueued = 0;
  const notice: AlertNotice = (alert, reason) => {
    enqueued += options.enqueue(alert, reason);
  };
  const steps = createCorrelationSteps({
    events,
    alerts,
    history: createHistoryStore(db),
    rules: config.rules,
    lookupIp: options.lookupIp,
    notice,
    now: seconds,
  });
  const ingest = createIngest(db, { reports, events }, steps, options.clock);
  const afterCommit = <T>(run: () => T): T => {
    enqueued = 0;
    const result = run();
    if (enqueued > 0) options.wake();
    return result;
  };
  const silence = db.transaction(() =>
    checkAgentSilence({ heartbeats, alerts }, config.rules, seconds(), notice),
  );
  const assess = db.transaction(
    (id: number, assessed: Parameters<RouteContext["assessEvent"]>[1]) => {
      if (!events.assess(id, assessed)) return undefined;
      if (assessed === null) {
        events.setClass(
          id,
          eventClass({ assessed: null, alertSeverities: alerts.severitiesOf(id) }),
        );
      }
      return events.json(id);
    },
  );
  const prune = createPrune(db);
  return {
    reports,
    events,
    alerts,
    heartbeats,
    logger: options.logger,
    maxBodyBytes: options.maxBodyBytes,
    listLimit: options.listLimit,
    ingest: (report, identifier, key) => afterCommit(() => ingest(report, identifier, key)),
    setAlertState: (id, state) => alerts.setState(id, state, seconds()),
    assessEvent: (id, assessed) => assess(id, assessed),
    recordHeartbeat: (_host, heartbeat) => heartbeats.record(heartbeat, seconds()),
    checkSilence: () => afterCommit(() => silence.immediate()),
    prune: () => prune(seconds() - config.retention_days * 86_400),
  };
}
