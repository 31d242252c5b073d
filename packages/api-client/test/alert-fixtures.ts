import type { Alert } from "../src/index.js";

/** A takeover alert as a spoor server answers it (server.md §4). */
export const TAKEOVER: Alert = {
  id: 42,
  rule: "takeover-sequence",
  severity: "high",
  state: "open",
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

/** A low alert with hostile strings in every text field. */
export const HOSTILE: Alert = {
  id: 41,
  rule: "external-forwarder",
  severity: "low",
  state: "acknowledged",
  hosts: ["cp 2", "cp,3"],
  mailbox_addresses: ['"bob"@example.com'],
  ips: [],
  forward_recipients: ["x\u001b[2J@evil.example"],
  event_ids: [3],
  summary: "bob: forwarder\nto x@evil.example\u202e",
  first_event_time: 1764700000,
  last_event_time: 1764700000,
  created_at: 1764700001,
  updated_at: 1764710000,
};
