/** Alert severities, lowest first. */
export const SEVERITIES = ["info", "low", "medium", "high"] as const;
/** An alert severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Alert states an analyst may set. */
export const ALERT_STATES = ["open", "acknowledged", "resolved", "false_positive"] as const;
/** An alert state. */
export type AlertState = (typeof ALERT_STATES)[number];

/** An alert as the API, the webhook body and a command's stdin carry it (server.md §4). */
export interface AlertJson {
  id: number;
  rule: string;
  severity: Severity;
  state: AlertState;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  event_ids: number[];
  summary: string;
  first_event_time: number;
  last_event_time: number;
  /** Unix seconds. */
  created_at: number;
  updated_at: number;
}
