import type { AlertState } from "./alert.js";
import type { Severity } from "./severity.js";

/**
 * An alert as the server's API answers it (`GET /api/alerts`, server.md §4), and as the
 * webhook body and a notification command's stdin carry it: the one declaration of the wire
 * shape, for the server, its notifications and the API client (type-only imports). Every
 * string in it came from what hosts reported and is attacker-controlled.
 */
export interface AlertJson {
  id: number;
  /** The detection rule, e.g. `takeover-sequence`. */
  rule: string;
  severity: Severity;
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
  /** Unix seconds. */
  created_at: number;
  updated_at: number;
}
