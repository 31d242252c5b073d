import type { RuleId } from "./rule-ids.js";
import type { Severity } from "./severity.js";

/** Settings every rule has. */
interface RuleBase {
  enabled: boolean;
  severity: Severity;
}

/** Every rule's settings with defaults filled in (server.md §4). */
export interface ResolvedRules {
  "novel-login": RuleBase & { window_days: number; min_history_days: number };
  "external-forwarder": RuleBase & { domain_window_days: number };
  "login-burst": RuleBase & { min_networks: number; window_hours: number; count_asn_once: boolean };
  "takeover-sequence": RuleBase & { window_hours: number };
  "forwarder-churn": RuleBase & { window_minutes: number };
  "shared-destination": RuleBase & { min_mailboxes: number; window_days: number };
  "ip-spray": RuleBase & { min_mailboxes: number; window_minutes: number };
  "agent-silent": RuleBase & { silent_minutes: number };
}

/** The `rules:` section as written in server.yml: any rule, any subset of its keys. */
export type RulesConfig = { [K in RuleId]?: Partial<ResolvedRules[K]> };

/** The defaults of server.md §4. */
export const DEFAULT_RULES: Readonly<ResolvedRules> = Object.freeze({
  "novel-login": { enabled: true, severity: "info", window_days: 30, min_history_days: 7 },
  "external-forwarder": { enabled: true, severity: "low", domain_window_days: 90 },
  "login-burst": {
    enabled: true,
    severity: "medium",
    min_networks: 3,
    window_hours: 6,
    count_asn_once: true,
  },
  "takeover-sequence": { enabled: true, severity: "high", window_hours: 24 },
  "forwarder-churn": { enabled: true, severity: "high", window_minutes: 60 },
  "shared-destination": { enabled: true, severity: "high", min_mailboxes: 2, window_days: 7 },
  "ip-spray": { enabled: true, severity: "high", min_mailboxes: 5, window_minutes: 60 },
  "agent-silent": { enabled: true, severity: "medium", silent_minutes: 10 },
} satisfies ResolvedRules);

/**
 * The window of a rule in seconds: the span its evidence must fall in, and the distance within
 * which further evidence joins an open alert. Never throws.
 */
export function ruleWindowSeconds(rules: ResolvedRules, rule: RuleId): number {
  switch (rule) {
    case "novel-login":
      return rules[rule].window_days * 86_400;
    case "external-forwarder":
      return rules[rule].domain_window_days * 86_400;
    case "login-burst":
      return rules[rule].window_hours * 3_600;
    case "takeover-sequence":
      return rules[rule].window_hours * 3_600;
    case "forwarder-churn":
      return rules[rule].window_minutes * 60;
    case "shared-destination":
      return rules[rule].window_days * 86_400;
    case "ip-spray":
      return rules[rule].window_minutes * 60;
    case "agent-silent":
      return rules[rule].silent_minutes * 60;
  }
}
