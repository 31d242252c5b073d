/** The stable ids of the rules of server.md §4. */
export const RULE_IDS = [
  "novel-login",
  "external-forwarder",
  "login-burst",
  "takeover-sequence",
  "forwarder-churn",
  "shared-destination",
  "ip-spray",
  "agent-silent",
] as const;

/** One of {@link RULE_IDS}. */
export type RuleId = (typeof RULE_IDS)[number];

/** True for a known rule id. Never throws. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === "string" && (RULE_IDS as readonly string[]).includes(value);
}
