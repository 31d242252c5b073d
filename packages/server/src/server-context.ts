import { eventClass } from "@spoor/correlation";
import { HOSTS_LIMIT, isSilent } from "./api/list-hosts.js";
import type { RouteContext } from "./api/route-context.js";
import type { ServerConfig } from "./config/validate-server-config.js";
import { checkAgentSilence } from "./ingest/check-agent-silence.js";
import { createCorrelationSteps } from "./ingest/correlation-steps.js";
import { createIngest, type IpFacts } from "./ingest/ingest-report.js";
import type { ServerLogger } from "./server-logger.js";
import type { PruneResult } from "./store/prune-old-records.js";
import type { ServerStore } from "./store/server-store.js";

/** What {@link createServerContext} composes. */
export interface ServerContextOptions {
  store: ServerStore;
  config: ServerConfig;
  logger: ServerLogger;
  lookupIp(ip: string): IpFacts & { ip_address: string | null };
  /** Tells the notification worker that rows were committed. */
  wake(): void;
  clock(): number;
  maxBodyBytes: number;
  listLimit: number;
}

/**
 * The server's working parts over one store: the ingest transaction (with correlation and
 * the outbox, waking the worker after a commit that enqueued), the analyst's changes and
 * the agent-silent check. Never throws once built; its methods reject with the driver's
 * errors.
 */
export function createServerContext(
  options: ServerContextOptions,
): RouteContext & { checkSilence(): Promise<number>; prune(): Promise<PruneResult> } {
  const { store, config } = options;
  const seconds = () => Math.floor(options.clock() / 1000);
  const retentionCutoff = () => seconds() - config.retention_days * 86_400;
  const steps = createCorrelationSteps({
    rules: config.rules,
    lookupIp: options.lookupIp,
    now: seconds,
  });
  const ingest = createIngest(store, steps, options.clock);
  const woken = <T extends { enqueued?: number }>(result: T): T => {
    if ((result.enqueued ?? 0) > 0) options.wake();
    return result;
  };
  const silentRule = config.rules["agent-silent"];
  const silentSeconds = silentRule.enabled ? silentRule.silent_minutes * 60 : null;
  return {
    reports: store.reports,
    events: store.events,
    alerts: store.alerts,
    heartbeats: store.heartbeats,
    logger: options.logger,
    maxBodyBytes: options.maxBodyBytes,
    listLimit: options.listLimit,
    ingest: async (report, identifier, key) => woken(await ingest(report, identifier, key)),
    setAlertState: (id, state) => store.alerts.setState(id, state, seconds()),
    assessEvent: (id, assessed) =>
      store.transaction([], async (tx) => {
        if (!(await tx.events.assess(id, assessed))) return undefined;
        if (assessed === null) {
          const severities = await tx.alerts.severitiesOf(id);
          await tx.events.setClass(id, eventClass({ assessed: null, alertSeverities: severities }));
        }
        return tx.events.json(id);
      }),
    recordHeartbeat: (_host, heartbeat) => store.heartbeats.record(heartbeat, seconds()),
    hosts: async () => {
      const now = seconds();
      const rows = await store.heartbeats.overview(HOSTS_LIMIT);
      return {
        now,
        hosts: rows.map((row) => ({ ...row, silent: isSilent(row, now, silentSeconds) })),
      };
    },
    checkSilence: async () => {
      const result = await store.transaction(["agent-silent"], (tx) =>
        checkAgentSilence(tx, config.rules, seconds()),
      );
      return woken(result).opened;
    },
    retentionCutoff,
    prune: () => store.prune(retentionCutoff()),
  };
}
