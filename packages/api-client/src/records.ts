/**
 * One record of `GET /api/reports`. Records come from the network: any field may be missing
 * or of another type, and the formatters cope with that.
 */
export interface ReportRecord {
  id?: number | string;
  /** Unix seconds. */
  event_time?: number | null;
  host?: string;
  type?: string;
  mailbox_address?: string | null;
  /** Where a forwarder sends the mailbox's mail (a spoor server's answer; the original's
   *  API had none). */
  forward_recipient?: string | null;
  [field: string]: unknown;
}

/** One record of `GET /api/mailbox_events`: a report record plus the actor and the class. */
export interface MailboxEventRecord extends ReportRecord {
  ip_actor?: { ip_address?: string | null; [field: string]: unknown } | null;
  /** `probably_malicious`, `confirmed_malicious`, `benign`, or `null` while unassessed
   *  (server.md §3); printed as received. */
  class?: string | null;
}
