import type { AlertJson, AlertState as ServerAlertState, Severity } from "@spoor/correlation";

/** Alert severities, lowest first (server.md §4). */
export const ALERT_SEVERITIES = [
  "info",
  "low",
  "medium",
  "high",
] as const satisfies readonly Severity[];
/** How serious an alert is. */
export type AlertSeverity = Severity;

/** The states an analyst moves an alert through (server.md §4). */
export const ALERT_STATES = [
  "open",
  "acknowledged",
  "resolved",
  "false_positive",
] as const satisfies readonly ServerAlertState[];
/** Where an alert stands. */
export type AlertState = ServerAlertState;

/**
 * One alert of a spoor server (`GET /api/alerts`; the wire shape is declared once, type-only,
 * in `@spoor/correlation`, and inlined into this package's declarations), checked field by
 * field by `parseAlert` (an ISO 8601 `created_at`/`updated_at` is converted to Unix seconds):
 * every string came from hosts the server does not trust, so print it only through the
 * formatters, which escape control characters.
 */
export type Alert = AlertJson;

/** Whether `value` is one of the four severities. Never throws. */
export function isAlertSeverity(value: unknown): value is AlertSeverity {
  return (ALERT_SEVERITIES as readonly unknown[]).includes(value);
}

/** Whether `value` is one of the four states. Never throws. */
export function isAlertState(value: unknown): value is AlertState {
  return (ALERT_STATES as readonly unknown[]).includes(value);
}
