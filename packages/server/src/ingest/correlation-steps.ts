import {
  type AlertRecord,
  alertLookups,
  correlate,
  decideForwarderMerge,
  eventClass,
  forwarderPartnerQuery,
  type HistoryStore,
  type MailboxEvent,
  type ResolvedRules,
  reconcile,
} from "@spoor/correlation";
import type { AlertJson } from "../store/alert.js";
import type { AlertStore } from "../store/alert-store.js";
import type { EventStore } from "../store/event-store.js";
import type { IngestSteps, IpFacts } from "./ingest-report.js";

/** Where an alert that opened or rose in severity goes (the outbox), inside the transaction. */
export type AlertNotice = (alert: AlertJson, reason: "opened" | "raised") => void;

/** What {@link createCorrelationSteps} works with. */
export interface CorrelationStepsOptions {
  events: EventStore;
  alerts: AlertStore;
  /** With `session()`, one remembering store serves the whole correlation phase of a report. */
  history: HistoryStore & { session?(): HistoryStore };
  rules: ResolvedRules;
  lookupIp(ip: string): IpFacts & { ip_address: string | null };
  notice: AlertNotice;
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
  const { events, alerts, history, rules } = options;
  // The offline IP data does not change while the server runs: a host's addresses come back
  // report after report, so their facts are kept (at most ENRICHED_LIMIT addresses).
  const enriched = new Map<string, IpFacts>();
  const refreshClasses = (ids: Iterable<number>) => {
    for (const id of ids) {
      const current = events.classOf(id);
      if (current === undefined || current.byAnalyst) continue;
      const next = eventClass({ assessed: null, alertSeverities: alerts.severitiesOf(id) });
      if (next !== current.eventClass) events.setClass(id, next);
    }
  };
  const correlateOne = (event: MailboxEvent, store: HistoryStore) => {
    const findings = correlate(event, rules, store);
    if (findings.length === 0) return;
    const found = new Map<number, AlertRecord>();
    for (const lookup of alertLookups(findings, rules)) {
      for (const alert of alerts.lookup(lookup)) found.set(alert.id, alert);
    }
    const touched = new Set<number>();
    for (const alert of found.values()) for (const id of alert.event_ids) touched.add(id);
    for (const change of reconcile(findings, [...found.values()], rules)) {
      const id = alerts.apply(change, options.now());
      if (change.kind !== "withdraw")
        for (const eventId of change.alert.event_ids) touched.add(eventId);
      if (id === null || change.kind === "withdraw") continue;
      const raised = change.kind !== "open" && change.severityRaised;
      if (change.kind === "open" || raised) {
        options.notice(alerts.byId(id)!, change.kind === "open" ? "opened" : "raised");
      }
    }
    refreshClasses(touched);
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
    place(event) {
      const stored: MailboxEvent = {
        ...event,
        id: events.insert(event),
        event_time: event.event_time ?? 0,
      };
      const query = forwarderPartnerQuery(stored);
      if (query === null) return stored;
      const candidates = (history.answer(query) as MailboxEvent[]).filter(
        (e) => e.id !== stored.id,
      );
      const decision = decideForwarderMerge(stored, candidates);
      if (decision.kind === "standalone") return stored;
      events.remove(stored.id);
      events.replace(decision.event);
      return decision.event;
    },
    correlate(touched) {
      // Placing is over: the events stay as they are until the commit.
      const store = history.session?.() ?? history;
      for (const event of touched) correlateOne(event, store);
    },
  };
}
