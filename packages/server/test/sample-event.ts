import type { NewMailboxEvent } from "../src/store/event-store.js";

/** The event time of {@link sampleEvent} (Unix seconds). */
export const SAMPLE_TIME = 1_800_000_000;

/**
 * A stored-shape login of alice@example.com on web1.example.net from 203.0.113.7 (its /24,
 * no ASN data), with `overrides` on top: what the store tests insert.
 */
export function sampleEvent(overrides: Partial<NewMailboxEvent> = {}): NewMailboxEvent {
  return {
    event_time: SAMPLE_TIME,
    host: "web1.example.net",
    type: "login",
    mailbox_address: "alice@example.com",
    ip: "203.0.113.7",
    network: "203.0.113.0/24",
    asn: null,
    as_name: null,
    country: null,
    forward_recipient: null,
    ...overrides,
  };
}
