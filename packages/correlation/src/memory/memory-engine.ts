import type { AlertChange, AlertRecord } from "../alert.js";
import { alertLookups } from "../alert-lookups.js";
import { contentKey } from "../content-key.js";
import { correlate } from "../correlate.js";
import { decideForwarderMerge, forwarderPartnerQuery } from "../forwarder-merge.js";
import type { MailboxEvent, NewMailboxEvent } from "../mailbox-event.js";
import { reconcile } from "../reconcile.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { validateRulesConfig } from "../validate-rules-config.js";
import { MemoryAlerts } from "./memory-alerts.js";
import { MemoryHistory } from "./memory-history.js";

/** What one ingest did. */
export interface IngestResult {
  /** False when the entry was a re-send of one already taken (nothing changed). */
  accepted: boolean;
  /** The stored (possibly merged) event, when accepted. */
  event: MailboxEvent | null;
  changes: AlertChange[];
  /** Ids of alerts opened or raised in severity: what a server would notify. */
  notify: number[];
}

/** The in-memory reference engine: the server's flow for one entry, without IO. */
export interface MemoryEngine {
  ingest(event: NewMailboxEvent): IngestResult;
  alerts(): AlertRecord[];
  events(): MailboxEvent[];
  readonly history: MemoryHistory;
  readonly alertTable: MemoryAlerts;
}

/**
 * An engine over the memory store: collapses re-sent entries (same content), merges forwarder
 * halves, stores, correlates, reconciles and applies, exactly as the server's transaction does.
 * The reference that `runCorrelationScenarios` checks other stores against.
 *
 * @throws {RuleConfigError} when `rulesConfig` is not a valid `rules:` section.
 */
export function createMemoryEngine(rulesConfig?: unknown): MemoryEngine {
  const rules: ResolvedRules = validateRulesConfig(rulesConfig);
  const history = new MemoryHistory();
  const alertTable = new MemoryAlerts();
  const seen = new Set<string>();
  let nextId = 1;

  function ingest(input: NewMailboxEvent): IngestResult {
    const content = contentKey(input);
    if (seen.has(content)) return { accepted: false, event: null, changes: [], notify: [] };
    seen.add(content);
    let event: MailboxEvent = { ...input, id: nextId++ };
    history.add(event);
    const partnerQuery = forwarderPartnerQuery(event);
    if (partnerQuery !== null) {
      const candidates = history.answer(partnerQuery) as MailboxEvent[];
      const decision = decideForwarderMerge(event, candidates);
      if (decision.kind === "merge") {
        history.delete(event.id);
        history.replace(decision.event);
        event = decision.event;
      }
    }
    const findings = correlate(event, rules, history);
    const loaded = alertLookups(findings, rules).flatMap((lookup) => alertTable.find(lookup));
    const changes = reconcile(findings, loaded, rules);
    const notify: number[] = [];
    for (const change of changes) {
      const id = alertTable.apply(change);
      const raised =
        change.kind === "open" || (change.kind !== "withdraw" && change.severityRaised);
      if (id !== null && raised) notify.push(id);
    }
    return { accepted: true, event, changes, notify };
  }

  return {
    ingest,
    alerts: () => alertTable.all(),
    events: () => history.all(),
    history,
    alertTable,
  };
}
