import type { Severity } from "./severity.js";

/** Why an alert is notified: it opened, or its severity rose. */
export type NotifyReason = "opened" | "raised";

/**
 * The alert JSON of server.md §4, as the API returns it; the webhook body and the command's
 * stdin carry it unchanged. Every string in it comes from what hosts reported and is
 * attacker-controlled.
 */
export interface NotifyAlert {
  id: number;
  rule: string;
  severity: Severity;
  state: string;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  event_ids: number[];
  summary: string;
  first_event_time: number;
  last_event_time: number;
  created_at: number | string;
  updated_at: number | string;
}
