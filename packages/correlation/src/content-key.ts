import type { NewMailboxEvent } from "./mailbox-event.js";

/**
 * What makes two entries the same event when an agent re-sends one: host, type, time,
 * mailbox, IP and recipient, as one string. The memory engine collapses re-sent entries by it,
 * and the scenario comparison maps stored events back to their labels by it. Never throws.
 */
export function contentKey(event: NewMailboxEvent): string {
  return JSON.stringify([
    event.host,
    event.type,
    event.event_time,
    event.mailbox_address,
    event.ip,
    event.forward_recipient,
  ]);
}
