import type { IpActor } from "@spoor/ip-enrichment";

// A stored mailbox event (what correlation sees) is declared once, in @spoor/correlation.
export type { MailboxEvent } from "@spoor/correlation";

/** An event class an analyst (or a `high` alert) gives a mailbox event. */
export type EventClass = "probably_malicious" | "confirmed_malicious" | "benign";

/** Every class a PATCH may set (`null` clears it). */
export const EVENT_CLASSES: readonly EventClass[] = [
  "probably_malicious",
  "confirmed_malicious",
  "benign",
];

/** A mailbox event as the API answers it. */
export interface MailboxEventJson {
  id: number;
  event_time: number | null;
  host: string;
  type: string;
  mailbox_address: string | null;
  ip_actor: IpActor;
  forward_recipient: string | null;
  class: EventClass | null;
  alert_ids: number[];
}
