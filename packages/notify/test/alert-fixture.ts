import type { ChannelConfigBase, NotifyAlert, NotifyMessage } from "../src/index.js";

/** A takeover alert as the server's API returns it, with `overrides` applied. */
export function makeAlert(overrides: Partial<NotifyAlert> = {}): NotifyAlert {
  return {
    id: 17,
    rule: "takeover-sequence",
    severity: "high",
    state: "open",
    hosts: ["cpanel1.example.net"],
    mailbox_addresses: ["alice@example.com"],
    ips: ["203.0.113.77"],
    forward_recipients: ["attacker@evil.example"],
    event_ids: [101, 102],
    summary:
      "alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)",
    first_event_time: 1764756000,
    last_event_time: 1764756040,
    created_at: 1764756045,
    updated_at: 1764756045,
    ...overrides,
  };
}

/** The message a channel gets for makeAlert(): delivery `deliveryId`, sent because of `reason`. */
export function alertMessage(
  deliveryId: string,
  reason: Extract<NotifyMessage, { kind: "alert" }>["reason"],
): NotifyMessage {
  return { kind: "alert", delivery_id: deliveryId, reason, alert: makeAlert() };
}

/** The settings every test channel shares: `name`, medium and up, 30 an hour, `timeoutMs`. */
export function channelBase(name: string, timeoutMs = 5000): ChannelConfigBase {
  return { name, min_severity: "medium", max_per_hour: 30, timeout_ms: timeoutMs };
}
