import type { Finding } from "./finding.js";
import type { RuleId } from "./rule-ids.js";
import { type ResolvedRules, ruleWindowSeconds } from "./rules-defaults.js";

/**
 * Alerts the store loads for {@link reconcile}: every alert (any state) with this rule and
 * key whose [anchor_first, anchor_last] overlaps [from, to].
 */
export interface AlertLookup {
  rule: RuleId;
  key: string;
  from: number;
  to: number;
}

/**
 * The alert lookups for `findings`: each finding's anchor span widened by its rule's window
 * (the distance within which evidence joins an alert). Never throws.
 */
export function alertLookups(findings: readonly Finding[], rules: ResolvedRules): AlertLookup[] {
  return findings.map((finding) => {
    const window = ruleWindowSeconds(rules, finding.rule);
    return {
      rule: finding.rule,
      key: finding.key,
      from: finding.from - window,
      to: finding.to + window,
    };
  });
}
