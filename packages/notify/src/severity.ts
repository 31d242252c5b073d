/** Alert severities, lowest first (server.md §4). */
export const SEVERITIES = ["info", "low", "medium", "high"] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** Whether `value` names a severity. Never throws. */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Whether an alert of `severity` reaches a channel whose threshold is `minimum`
 * (`high` reaches a `medium` channel; `low` does not). Never throws.
 */
export function meetsSeverity(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(minimum);
}
