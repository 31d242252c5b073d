import type { Severity } from "./severity.js";

/** Mailbox-event classes (server.md §3). */
export type EventClass = "probably_malicious" | "confirmed_malicious" | "benign";

/** What decides an event's class. */
export interface EventClassInput {
  /** The analyst's assessment, or null when none was made. */
  assessed: EventClass | null;
  /** Severities of the (not withdrawn) alerts the event is evidence of. */
  alertSeverities: readonly Severity[];
}

/**
 * An event's class: the analyst's assessment when there is one; otherwise
 * `probably_malicious` when it is evidence of any `high` alert; otherwise null. Never throws.
 *
 * @example eventClass({ assessed: null, alertSeverities: ["info", "high"] }) === "probably_malicious"
 */
export function eventClass(input: EventClassInput): EventClass | null {
  if (input.assessed !== null) return input.assessed;
  return input.alertSeverities.includes("high") ? "probably_malicious" : null;
}
