import { RuleConfigError } from "./rule-config-error.js";
import { isRuleId, RULE_IDS, type RuleId } from "./rule-ids.js";
import { DEFAULT_RULES, type ResolvedRules } from "./rules-defaults.js";
import { isSeverity, SEVERITIES } from "./severity.js";

const MAX_THRESHOLD = 1_000_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkValue(path: string, key: string, value: unknown, fallback: unknown): unknown {
  if (key === "severity") {
    if (!isSeverity(value))
      throw new RuleConfigError(path, `must be one of ${SEVERITIES.join(", ")}`);
    return value;
  }
  if (typeof fallback === "boolean") {
    if (typeof value !== "boolean") throw new RuleConfigError(path, "must be true or false");
    return value;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_THRESHOLD) {
    throw new RuleConfigError(path, `must be a whole number from 1 to ${MAX_THRESHOLD}`);
  }
  return value;
}

function resolveRule(id: RuleId, section: unknown): ResolvedRules[RuleId] {
  const defaults = DEFAULT_RULES[id] as unknown as Record<string, unknown>;
  if (section === undefined || section === null) return { ...DEFAULT_RULES[id] };
  if (!isPlainObject(section)) throw new RuleConfigError(`rules.${id}`, "must be a mapping");
  const resolved: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(section)) {
    const path = `rules.${id}.${key}`;
    if (!Object.hasOwn(defaults, key)) {
      throw new RuleConfigError(path, `unknown key (known: ${Object.keys(defaults).join(", ")})`);
    }
    resolved[key] = checkValue(path, key, value, defaults[key]);
  }
  return resolved as unknown as ResolvedRules[RuleId];
}

/**
 * Checks the `rules:` section of server.yml and fills in the defaults of server.md §4.
 * `undefined` or `null` means every default.
 *
 * @throws {RuleConfigError} naming the first unknown rule, unknown key or bad value, e.g.
 *   `rules.ip-spray.min_mailbox: unknown key (known: enabled, severity, min_mailboxes, window_minutes)`.
 */
export function validateRulesConfig(config: unknown): ResolvedRules {
  if (config !== undefined && config !== null && !isPlainObject(config)) {
    throw new RuleConfigError("rules", "must be a mapping of rule id to settings");
  }
  const sections = (config ?? {}) as Record<string, unknown>;
  for (const id of Object.keys(sections)) {
    if (!isRuleId(id))
      throw new RuleConfigError(`rules.${id}`, `unknown rule (known: ${RULE_IDS.join(", ")})`);
  }
  const resolved = {} as Record<RuleId, unknown>;
  for (const id of RULE_IDS) resolved[id] = resolveRule(id, sections[id]);
  return resolved as ResolvedRules;
}

/**
 * The rules with defaults for everything not given; the same checks as
 * {@link validateRulesConfig}.
 *
 * @throws {RuleConfigError} as {@link validateRulesConfig}.
 */
export function resolveRules(config?: unknown): ResolvedRules {
  return validateRulesConfig(config);
}
