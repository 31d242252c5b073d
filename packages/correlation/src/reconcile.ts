import type { AlertChange, AlertDraft, AlertRecord } from "./alert.js";
import { byAnchor, draftAlert } from "./alert-draft.js";
import type { Finding, Incident } from "./finding.js";
import { type ResolvedRules, ruleWindowSeconds } from "./rules-defaults.js";
import { severityRank } from "./severity.js";

const DRAFT_KEYS: readonly (keyof AlertDraft)[] = [
  "rule",
  "key",
  "severity",
  "summary",
  "hosts",
  "mailbox_addresses",
  "ips",
  "forward_recipients",
  "event_ids",
  "first_event_time",
  "last_event_time",
  "anchor_first",
  "anchor_last",
  "incidents",
];

function sameContent(alert: AlertRecord, draft: AlertDraft): boolean {
  return DRAFT_KEYS.every((key) => JSON.stringify(alert[key]) === JSON.stringify(draft[key]));
}

function isActive(alert: AlertRecord): boolean {
  return alert.state === "open" || alert.state === "acknowledged";
}

/** Groups incidents (sorted) whose consecutive anchor times lie within `window`. */
function cluster(incidents: readonly Incident[], window: number): Incident[][] {
  const groups: Incident[][] = [];
  for (const incident of [...incidents].sort(byAnchor)) {
    const last = groups.at(-1);
    if (last !== undefined && incident.anchorTime - last.at(-1)!.anchorTime <= window)
      last.push(incident);
    else groups.push([incident]);
  }
  return groups;
}

function reconcileFinding(
  finding: Finding,
  alerts: readonly AlertRecord[],
  rules: ResolvedRules,
): AlertChange[] {
  const active = alerts.filter(isActive);
  const closedAnchors = new Set(
    alerts
      .filter((alert) => !isActive(alert))
      .flatMap((alert) => alert.incidents.map((i) => i.anchorId)),
  );
  const recomputed = new Set(finding.recomputed);
  const owner = new Map<number, AlertRecord>();
  const pool = new Map<number, Incident>();
  for (const alert of active) {
    for (const incident of alert.incidents) {
      owner.set(incident.anchorId, alert);
      if (!recomputed.has(incident.anchorId)) pool.set(incident.anchorId, incident);
    }
  }
  for (const incident of finding.incidents) {
    if (!closedAnchors.has(incident.anchorId)) pool.set(incident.anchorId, incident);
  }
  const changes: AlertChange[] = [];
  const claimed = new Set<number>();
  for (const group of cluster([...pool.values()], ruleWindowSeconds(rules, finding.rule))) {
    const draft = draftAlert(finding.rule, finding.key, group);
    const candidates = [
      ...new Map(
        group
          .flatMap((i) => (owner.has(i.anchorId) ? [owner.get(i.anchorId)!] : []))
          .map((a) => [a.id, a]),
      ).values(),
    ]
      .filter((alert) => !claimed.has(alert.id))
      .sort((a, b) => a.id - b.id);
    const into = candidates[0];
    if (into === undefined) {
      changes.push({ kind: "open", alert: draft });
      continue;
    }
    for (const alert of candidates) claimed.add(alert.id);
    const before = Math.max(...candidates.map((alert) => severityRank(alert.severity)));
    const severityRaised = severityRank(draft.severity) > before;
    if (candidates.length > 1) {
      const from = candidates.slice(1).map((alert) => alert.id);
      changes.push({ kind: "merge", into: into.id, from, alert: draft, severityRaised });
    } else if (!sameContent(into, draft)) {
      changes.push({ kind: "update", id: into.id, alert: draft, severityRaised });
    }
  }
  for (const alert of active) {
    if (!claimed.has(alert.id)) changes.push({ kind: "withdraw", id: alert.id });
  }
  return changes;
}

/**
 * Turns findings into alert changes, given the alerts the store loaded for
 * `alertLookups(findings)` (any state; duplicates are ignored). Per rule and key, the
 * incidents of open and acknowledged alerts outside the recomputed anchors are kept, the
 * recomputed ones are replaced by the findings' incidents, and the result is grouped: incidents
 * whose anchor times lie within the rule's window of each other form one alert. A group that
 * touches no alert opens one; a group touching several merges them into the oldest (lowest id);
 * an alert left without incidents is withdrawn. Resolved and false-positive alerts never change
 * and their incidents never move. The result depends only on the incidents, so any arrival
 * order that leads to the same events leads to the same alerts. Never throws.
 */
export function reconcile(
  findings: readonly Finding[],
  alerts: readonly AlertRecord[],
  rules: ResolvedRules,
): AlertChange[] {
  const unique = [...new Map(alerts.map((alert) => [alert.id, alert])).values()];
  return findings.flatMap((finding) =>
    reconcileFinding(
      finding,
      unique.filter((alert) => alert.rule === finding.rule && alert.key === finding.key),
      rules,
    ),
  );
}
