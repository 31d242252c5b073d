/** Alert severities, lowest first. */
export const SEVERITIES = ["info", "low", "medium", "high"] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The rank of a severity (info 0 … high 3). Never throws. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True for one of the four severity names. Never throws. */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** The higher of two severities. Never throws. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}
