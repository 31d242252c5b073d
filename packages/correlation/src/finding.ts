import type { RuleId } from "./rule-ids.js";
import type { Severity } from "./severity.js";

/** What a summary says about an incident (plain values; text is cleaned when summarised). */
export type IncidentFacts = Record<string, string | number | null>;

/**
 * One firing of a rule at one anchor event (the event whose arrival made the rule true, e.g.
 * the forwarder of a takeover). The store persists incidents inside their alert (JSON).
 */
export interface Incident {
  anchorId: number;
  anchorTime: number;
  severity: Severity;
  /** Evidence event ids, ascending. */
  eventIds: number[];
  firstEventTime: number;
  lastEventTime: number;
  hosts: string[];
  mailboxes: string[];
  ips: string[];
  recipients: string[];
  facts: IncidentFacts;
}

/**
 * The recomputed truth of one rule for one key over the scope an event affects: every anchor
 * in `recomputed` was evaluated again; `incidents` are those that fire now. An anchor in
 * `recomputed` without an incident no longer fires.
 */
export interface Finding {
  rule: RuleId;
  /** JSON text: `["host","mailbox"]`, `["recipient"]` (shared-destination), `["ip"]` (ip-spray), `["host"]` (agent-silent). */
  key: string;
  recomputed: number[];
  /** Least anchor time of `recomputed`. */
  from: number;
  /** Greatest anchor time of `recomputed`. */
  to: number;
  incidents: Incident[];
}
