import type { AlertDraft } from "./alert.js";
import type { Incident } from "./finding.js";
import type { RuleId } from "./rule-ids.js";
import { maxSeverity, type Severity } from "./severity.js";
import { summarize } from "./summarize.js";

function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Orders incidents by anchor time, then anchor id. Never throws. */
export function byAnchor(a: Incident, b: Incident): number {
  return a.anchorTime - b.anchorTime || a.anchorId - b.anchorId;
}

/**
 * The alert content of a group of incidents (at least one) of one rule and key: unions of
 * the lists, the highest severity, the span of the evidence and the summary. Never throws.
 */
export function draftAlert(rule: RuleId, key: string, group: readonly Incident[]): AlertDraft {
  const incidents = [...group].sort(byAnchor);
  const severity = incidents.reduce<Severity>((s, i) => maxSeverity(s, i.severity), "info");
  return {
    rule,
    key,
    severity,
    summary: summarize(rule, incidents),
    hosts: union(incidents.map((i) => i.hosts)),
    mailbox_addresses: union(incidents.map((i) => i.mailboxes)),
    ips: union(incidents.map((i) => i.ips)),
    forward_recipients: union(incidents.map((i) => i.recipients)),
    event_ids: [...new Set(incidents.flatMap((i) => i.eventIds))].sort((a, b) => a - b),
    first_event_time: Math.min(...incidents.map((i) => i.firstEventTime)),
    last_event_time: Math.max(...incidents.map((i) => i.lastEventTime)),
    anchor_first: incidents[0]!.anchorTime,
    anchor_last: incidents.at(-1)!.anchorTime,
    incidents,
  };
}
