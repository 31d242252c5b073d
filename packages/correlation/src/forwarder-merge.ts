import { type EventsQuery, eventsQuery } from "./history-query.js";
import type { MailboxEvent } from "./mailbox-event.js";
import { spanAround } from "./sliding-window.js";

/** The two halves of a forwarder addition and the span within which they are one event. */
const IP_HALF = "forward_added_partial_ip";
const RECIPIENT_HALF = "forward_added_partial_recipient";
/** Seconds either side within which two halves are one forwarder (server.md §3). */
export const MERGE_WINDOW_SECONDS = 120;

/** The result of {@link decideForwarderMerge}. */
export type MergeDecision =
  | { kind: "standalone" }
  | { kind: "merge"; partnerId: number; event: MailboxEvent };

function otherHalf(type: string): string | null {
  if (type === IP_HALF) return RECIPIENT_HALF;
  if (type === RECIPIENT_HALF) return IP_HALF;
  return null;
}

/**
 * The query for a half's possible partners: the other half's type, same host and mailbox,
 * `event_time` within 120 s either side. Null when `half` is not a forwarder half or has no
 * mailbox. The store must leave out halves already merged. Never throws.
 *
 * @example forwarderPartnerQuery({ type: "forward_added_partial_ip", host: "h", mailbox_address: "a@x", event_time: 1000, … })
 * // → { kind: "events", host: "h", mailbox: "a@x", types: ["forward_added_partial_recipient"], from: 880, to: 1120, order: "asc", limit: null, key: … }
 */
export function forwarderPartnerQuery(half: MailboxEvent): EventsQuery | null {
  const other = otherHalf(half.type);
  if (other === null || half.mailbox_address === null) return null;
  return eventsQuery({
    host: half.host,
    mailbox: half.mailbox_address,
    types: [other],
    ...spanAround(half.event_time, MERGE_WINDOW_SECONDS),
  });
}

/**
 * Whether `half` merges with one of `candidates` (the answer to {@link forwarderPartnerQuery}).
 * The partner is the candidate nearest in time, then the lowest id. The merged event keeps
 * the partner's id (the store updates that row in place), takes its type `forward_added`, the
 * recipient half's time and recipient, and the ip half's address and enrichment. Candidates
 * that do not qualify (wrong type, host, mailbox, or more than 120 s away) are ignored.
 * Never throws.
 */
export function decideForwarderMerge(
  half: MailboxEvent,
  candidates: readonly MailboxEvent[],
): MergeDecision {
  const other = otherHalf(half.type);
  if (other === null || half.mailbox_address === null) return { kind: "standalone" };
  const partner = candidates
    .filter(
      (c) =>
        c.type === other &&
        c.host === half.host &&
        c.mailbox_address === half.mailbox_address &&
        c.id !== half.id &&
        Math.abs(c.event_time - half.event_time) <= MERGE_WINDOW_SECONDS,
    )
    .sort(
      (a, b) =>
        Math.abs(a.event_time - half.event_time) - Math.abs(b.event_time - half.event_time) ||
        a.id - b.id,
    )[0];
  if (partner === undefined) return { kind: "standalone" };
  const ipHalf = half.type === IP_HALF ? half : partner;
  const recipientHalf = half.type === IP_HALF ? partner : half;
  return {
    kind: "merge",
    partnerId: partner.id,
    event: {
      id: partner.id,
      event_time: recipientHalf.event_time,
      host: half.host,
      type: "forward_added",
      mailbox_address: half.mailbox_address,
      ip: ipHalf.ip,
      network: ipHalf.network,
      asn: ipHalf.asn,
      as_name: ipHalf.as_name,
      country: ipHalf.country,
      forward_recipient: recipientHalf.forward_recipient,
    },
  };
}
