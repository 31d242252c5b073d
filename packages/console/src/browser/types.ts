/** An alert as `GET /api/alerts` answers it (server.md §4). */
export interface Alert {
  id: number;
  rule: string;
  severity: string;
  state: string;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  event_ids: number[];
  summary: string;
  first_event_time: number | null;
  last_event_time: number | null;
  created_at: number;
  updated_at: number;
}

/** A mailbox event as `GET /api/mailbox_events` answers it. */
export interface MailboxEvent {
  id: number;
  event_time: number | null;
  host: string;
  type: string;
  mailbox_address: string | null;
  ip_actor: {
    ip_address: string | null;
    network: string | null;
    asn: number | null;
    as_name: string | null;
    country: string | null;
  };
  forward_recipient: string | null;
  class: string | null;
  alert_ids: number[];
}

/** A host as `GET /api/hosts` answers it. */
export interface Host {
  host: string;
  last_report_at: number | null;
  last_event_time: number | null;
  last_heartbeat_at: number | null;
  agent_version: string | null;
  queue_depth: number | null;
  silent: boolean;
}
