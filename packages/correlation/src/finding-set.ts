import type { Finding, Incident } from "./finding.js";
import type { MailboxEvent } from "./mailbox-event.js";
import type { RuleId } from "./rule-ids.js";
import type { ResolvedRules } from "./rules-defaults.js";

interface Entry {
  rule: RuleId;
  key: string;
  recomputed: Map<number, number>;
  incidents: Map<number, Incident>;
}

/** Collects recomputed anchors and their incidents per rule and key (disabled rules: none). */
export class FindingSet {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rules: ResolvedRules) {}

  /**
   * Records that `anchor` was evaluated for `rule` under `key`, firing `incident` or not
   * (null). `undefined` (history still missing) records nothing. Never throws.
   */
  record(
    rule: RuleId,
    key: string,
    anchor: MailboxEvent,
    incident: Incident | null | undefined,
  ): void {
    if (incident === undefined || !this.rules[rule].enabled) return;
    const id = JSON.stringify([rule, key]);
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = { rule, key, recomputed: new Map(), incidents: new Map() };
      this.entries.set(id, entry);
    }
    entry.recomputed.set(anchor.id, anchor.event_time);
    if (incident !== null) entry.incidents.set(anchor.id, incident);
  }

  /** The findings, in (rule, key) order, anchors ascending. Never throws. */
  findings(): Finding[] {
    return [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => {
        const times = [...entry.recomputed.values()];
        return {
          rule: entry.rule,
          key: entry.key,
          recomputed: [...entry.recomputed.keys()].sort((a, b) => a - b),
          from: Math.min(...times),
          to: Math.max(...times),
          incidents: [...entry.incidents.values()].sort(
            (a, b) => a.anchorTime - b.anchorTime || a.anchorId - b.anchorId,
          ),
        };
      });
  }
}
