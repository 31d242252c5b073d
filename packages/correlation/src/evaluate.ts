import { isForwarderAdded, isTakeoverTrigger } from "./event-types.js";
import type { Finding } from "./finding.js";
import { FindingSet } from "./finding-set.js";
import { History } from "./history.js";
import type { HistoryAnswers, HistoryQuery } from "./history-query.js";
import { mailboxKey } from "./keys.js";
import type { MailboxEvent } from "./mailbox-event.js";
import { externalForwarderIncident } from "./rules/external-forwarder.js";
import { redirectsWithChangedExternality } from "./rules/externality.js";
import { churnIncident, forwardersBeforeRemoval } from "./rules/forwarder-churn.js";
import { recordIpSpray } from "./rules/ip-spray.js";
import { recordLoginBurst } from "./rules/login-burst.js";
import { novelLoginIncident } from "./rules/novel-login.js";
import { loginsWithChangedNovelty } from "./rules/novelty.js";
import { recordSharedDestination } from "./rules/shared-destination.js";
import { takeoverIncident, triggersAfter } from "./rules/takeover-sequence.js";
import type { ResolvedRules } from "./rules-defaults.js";

/** One step of the correlation loop: more questions, or the findings. */
export type EvaluateStep =
  | { done: false; queries: HistoryQuery[] }
  | { done: true; findings: Finding[] };

function byId(events: Iterable<MailboxEvent>): MailboxEvent[] {
  const unique = new Map<number, MailboxEvent>();
  for (const event of events) unique.set(event.id, event);
  return [...unique.values()].sort((a, b) => a.id - b.id);
}

function key(event: MailboxEvent): string {
  return mailboxKey(event.host, event.mailbox_address ?? "");
}

/**
 * Evaluates every rule over the scope `event` affects, given all answers gathered so far
 * (the event must already be stored, so it appears in answers). Stateless: call it again with
 * the answers to the queries it returned until it returns `done: true`. The findings are a
 * function of the stored event set, never of arrival order: each names the anchors it
 * recomputed, and reconciling them makes the alerts what in-order arrival would have made.
 * Never throws on any event content.
 */
export function evaluate(
  event: MailboxEvent,
  answers: HistoryAnswers,
  rules: ResolvedRules,
): EvaluateStep {
  const history = new History(answers);
  const findings = new FindingSet(rules);

  const novelty = loginsWithChangedNovelty(history, rules, event);
  for (const login of novelty) {
    findings.record("novel-login", key(login), login, novelLoginIncident(history, rules, login));
  }

  const redirects = redirectsWithChangedExternality(history, rules, event);
  const forwarders = redirects.filter(isForwarderAdded);
  for (const forwarder of forwarders) {
    const incident = externalForwarderIncident(history, rules, forwarder);
    findings.record("external-forwarder", key(forwarder), forwarder, incident);
  }

  const triggers = byId([
    ...(isTakeoverTrigger(event) ? [event] : []),
    ...redirects,
    ...novelty.flatMap((login) => triggersAfter(history, rules, login)),
  ]);
  for (const trigger of triggers) {
    const incident = takeoverIncident(history, rules, trigger);
    findings.record("takeover-sequence", key(trigger), trigger, incident);
  }

  const churned = byId([...forwarders, ...forwardersBeforeRemoval(history, rules, event)]);
  for (const forwarder of churned) {
    findings.record(
      "forwarder-churn",
      key(forwarder),
      forwarder,
      churnIncident(history, rules, forwarder),
    );
  }

  for (const forwarder of forwarders) recordSharedDestination(history, rules, forwarder, findings);
  recordLoginBurst(history, rules, event, findings);
  recordIpSpray(history, rules, event, findings);

  if (history.missing.size > 0) return { done: false, queries: [...history.missing.values()] };
  return { done: true, findings: findings.findings() };
}

/**
 * The first questions for `event` (the same as `evaluate(event, new Map(), rules).queries`).
 * Never throws.
 */
export function historyQueries(event: MailboxEvent, rules: ResolvedRules): HistoryQuery[] {
  const step = evaluate(event, new Map(), rules);
  return step.done ? [] : step.queries;
}
