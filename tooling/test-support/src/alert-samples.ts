/**
 * A takeover alert as a spoor server answers it (`GET /api/alerts`, server.md §4): the
 * sample the API client's and the CLI's tests serve and expect back. Spread it to vary a field.
 */
export const TAKEOVER_ALERT = {
  id: 42,
  rule: "takeover-sequence",
  severity: "high" as const,
  state: "open" as const,
  hosts: ["cp1.example.com"],
  mailbox_addresses: ["alice@example.com"],
  ips: ["203.0.113.77"],
  forward_recipients: ["attacker@evil.example"],
  event_ids: [7, 9],
  summary:
    "alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)",
  first_event_time: 1764765600,
  last_event_time: 1764765640,
  created_at: 1764765641,
  updated_at: 1764765641,
};
