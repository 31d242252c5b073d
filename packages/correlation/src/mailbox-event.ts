/**
 * A mailbox event as the store keeps it and correlation sees it: one accepted entry after
 * enrichment and (for the two forwarder halves) merging. Every text field came from a host and
 * is attacker-controlled: correlation treats it as data only.
 */
export interface MailboxEvent {
  /** The store's id. */
  id: number;
  /** The event's own Unix seconds (never arrival time); 0 when the entry had none. */
  event_time: number;
  host: string;
  /** `login`, `forward_added`, `forward_added_partial_ip`, `forward_added_partial_recipient`, `forward_removed`, hook kinds, or any unknown type. */
  type: string;
  mailbox_address: string | null;
  ip: string | null;
  /** "203.0.113.0/24" or "2001:db8:1::/48"; null when `ip` is not an address. */
  network: string | null;
  asn: number | null;
  as_name: string | null;
  country: string | null;
  forward_recipient: string | null;
}

/** A mailbox event before the store gave it an id. */
export type NewMailboxEvent = Omit<MailboxEvent, "id">;
