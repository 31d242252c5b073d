import type { Alert, MailboxEventRecord } from "@spoor/api-client";
import type { IpActor } from "@spoor/ip-enrichment";

/** An alert as `GET /api/alerts` answers it: the API client's own type (server.md §4). */
export type { Alert };

/**
 * A mailbox event of `GET /api/mailbox_events`: the API client's record with the fields the
 * spoor server always sends.
 */
export type MailboxEvent = Required<
  Pick<
    MailboxEventRecord,
    "event_time" | "host" | "type" | "mailbox_address" | "forward_recipient" | "class"
  >
> & { id: number; ip_actor: IpActor; alert_ids: number[] };

/** A host as `GET /api/hosts` answers it. */
export interface Host {
  host: string;
  last_report_at: number | null;
  last_heartbeat_at: number | null;
  agent_version: string | null;
  queue_depth: number | null;
  silent: boolean;
}
