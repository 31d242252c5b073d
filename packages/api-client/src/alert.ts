/** Alert severities, lowest first (server.md §4). */
export const ALERT_SEVERITIES = ["info", "low", "medium", "high"] as const;
/** How serious an alert is. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** The states an analyst moves an alert through (server.md §4). */
export const ALERT_STATES = ["open", "acknowledged", "resolved", "false_positive"] as const;
/** Where an alert stands. */
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * One alert of a spoor server (`GET /api/alerts`), checked field by field: every string came
 * from hosts the server does not trust, so print it only through the formatters, which
 * escape control characters.
 */
export interface Alert {
  id: number;
  /** The detection rule, e.g. `takeover-sequence`. */
  rule: string;
  severity: AlertSeverity;
  state: AlertState;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  /** Mailbox event ids: the evidence. */
  event_ids: number[];
  /** One sentence a person can act on. */
  summary: string;
  /** Unix seconds: the evidence's own times. */
  first_event_time: number;
  last_event_time: number;
  /** Unix seconds (an ISO 8601 answer is converted). */
  created_at: number;
  updated_at: number;
}

/** Whether `value` is one of the four severities. Never throws. */
export function isAlertSeverity(value: unknown): value is AlertSeverity {
  return (ALERT_SEVERITIES as readonly unknown[]).includes(value);
}

/** Whether `value` is one of the four states. Never throws. */
export function isAlertState(value: unknown): value is AlertState {
  return (ALERT_STATES as readonly unknown[]).includes(value);
}
