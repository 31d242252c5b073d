export { domainOf, normalizeAddress } from "./address.js";
export {
  type AgentSilentDecision,
  type AgentSilentInput,
  decideAgentSilent,
} from "./agent-silent.js";
export {
  ALERT_STATES,
  type AlertChange,
  type AlertDraft,
  type AlertRecord,
  type AlertState,
} from "./alert.js";
export { draftAlert } from "./alert-draft.js";
export type { AlertJson } from "./alert-json.js";
export { type AlertLookup, alertLookups } from "./alert-lookups.js";
export { cleanText } from "./clean-text.js";
export {
  type AsyncHistoryStore,
  correlate,
  correlateAsync,
  type HistoryStore,
} from "./correlate.js";
export { CorrelationLoopError } from "./correlation-loop-error.js";
export { type EvaluateStep, evaluate, historyQueries } from "./evaluate.js";
export { type EventClass, type EventClassInput, eventClass } from "./event-class.js";
export {
  FORWARD_ADDED_TYPES,
  FORWARD_REMOVED_TYPES,
  LOGIN_TYPES,
  TAKEOVER_TRIGGER_TYPES,
} from "./event-types.js";
export type { Finding, Incident, IncidentFacts } from "./finding.js";
export {
  decideForwarderMerge,
  forwarderPartnerQuery,
  MERGE_WINDOW_SECONDS,
  type MergeDecision,
} from "./forwarder-merge.js";
export type {
  DomainSeenQuery,
  EventsQuery,
  FirstSeenQuery,
  HistoryAnswer,
  HistoryAnswers,
  HistoryQuery,
} from "./history-query.js";
export type { MailboxEvent, NewMailboxEvent } from "./mailbox-event.js";
export { reconcile } from "./reconcile.js";
export { RuleConfigError } from "./rule-config-error.js";
export { isRuleId, RULE_IDS, type RuleId } from "./rule-ids.js";
export { DEFAULT_RULES, type ResolvedRules, type RulesConfig } from "./rules-defaults.js";
export { isSeverity, SEVERITIES, type Severity, severityRank } from "./severity.js";
export { summarize } from "./summarize.js";
export { resolveRules, validateRulesConfig } from "./validate-rules-config.js";
