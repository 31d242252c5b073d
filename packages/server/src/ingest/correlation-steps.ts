import {
  type AlertRecord,
  type AsyncHistoryStore,
  alertLookups,
  correlateAsync,
  decideForwarderMerge,
  eventClass,
  forwarderPartnerQuery,
  type MailboxEvent,
  type ResolvedRules,
  reconcile,
} from "@spoor/correlation";
import type { AlertJson } from "../store/alert.js";
import type { StoreSession } from "../store/server-store.js";
import type { IngestSteps, IpFacts } from "./ingest-report.js";

/** An alert that opened or rose in severity, for the outbox. */
export type AlertNotice = { alert: AlertJson; reason: "opened" | "raised" };

/** What {@link createCorrelationSteps} works with. */
export interface CorrelationStepsOptions {
  rules: ResolvedRules;
  lookupIp(ip: string): IpFacts & { ip_address: string | null };
  /** Unix seconds (alerts' created_at/updated_at). */
  now(): number;
}

const NO_FACTS: IpFacts = { network: null, asn: null, as_name: null, country: null };
const ENRICHED_LIMIT = 50_000;

/**
 * The ingest steps that call `@spoor/correlation`: enrichment, forwarder-half merging (the
 * arriving half is folded into its stored partner, which becomes the `forward_added`
 * event), correlation of each touched event, reconciliation of the findings with the stored
 * alerts, notices for alerts opened or raised, and the `probably_malicious` class of the
 * evidence of `high` alerts. Runs inside the report's transaction; never commits.
 */
export function createCorrelationSteps(options: CorrelationStepsOptions): IngestSteps {
  const { rules } = options;
  // The offline IP data does not change while the server runs: a host's addresses come back
  // report after report, so their facts are kept (at most ENRICHED_LIMIT addresses).
  const enriched = new Map<string, IpFacts>();
  const refreshClasses = async ({ events, alerts }: StoreSession, ids: Iterable<number>) => {
    for (const id of ids) {
      const current = await events.classOf(id);
      if (current === undefined || current.byAnalyst) continue;
      const severities = await alerts.severitiesOf(id);
      const next = eventClass({ assessed: null, alertSeverities: severities });
      if (next !== current.eventClass) await events.setClass(id, next);
    }
  };
  const correlateOne = async (
    tx: StoreSession,
    history: AsyncHistoryStore,
    event: MailboxEvent,
  ): Promise<number> => {
    const findings = await correlateAsync(event, rules, history);
    if (findings.length === 0) return 0;
    const found = new Map<number, AlertRecord>();
    for (const lookup of alertLookups(findings, rules)) {
      for (const alert of await tx.alerts.lookup(lookup)) found.set(alert.id, alert);
    }
    const touched = new Set<number>();
    for (const alert of found.values()) for (const id of alert.event_ids) touched.add(id);
    let enqueued = 0;
    for (const change of reconcile(findings, [...found.values()], rules)) {
      const id = await tx.alerts.apply(change, options.now());
      if (change.kind !== "withdraw")
        for (const eventId of change.alert.event_ids) touched.add(eventId);
      if (id === null || change.kind === "withdraw") continue;
      const raised = change.kind !== "open" && change.severityRaised;
      if (change.kind === "open" || raised) {
        const alert = (await tx.alerts.byId(id))!;
        enqueued += await tx.enqueue({
          alert,
          reason: change.kind === "open" ? "opened" : "raised",
        });
      }
    }
    await refreshClasses(tx, touched);
    return enqueued;
  };
  return {
    enrich(ip) {
      if (ip === null) return NO_FACTS;
      let facts = enriched.get(ip);
      if (facts === undefined) {
        const { network, asn, as_name, country } = options.lookupIp(ip);
        facts = { network, asn, as_name, country };
        if (enriched.size >= ENRICHED_LIMIT) enriched.clear();
        enriched.set(ip, facts);
      }
      return facts;
    },
    async place(tx, event) {
      const stored: MailboxEvent = {
        ...event,
        id: await tx.events.insert(event),
        event_time: event.event_time ?? 0,
      };
      const query = forwarderPartnerQuery(stored);
      if (query === null) return stored;
      const candidates = ((await tx.history.answer(query)) as MailboxEvent[]).filter(
        (e) => e.id !== stored.id,
      );
      const decision = decideForwarderMerge(stored, candidates);
      if (decision.kind === "standalone") return stored;
      await tx.events.remove(stored.id);
      await tx.events.replace(decision.event);
      return decision.event;
    },
    async correlate(tx, touched) {
      // Placing is over: the events stay as they are until the commit, so one remembering
      // history store (where the driver has one) serves the whole correlation phase.
      const history = tx.history.session?.() ?? tx.history;
      let enqueued = 0;
      for (const event of touched) enqueued += await correlateOne(tx, history, event);
      return enqueued;
    },
  };
}
