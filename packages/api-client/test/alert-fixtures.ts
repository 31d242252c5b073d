import { TAKEOVER_ALERT } from "@spoor/test-support";
import type { Alert } from "../src/index.js";

/** A takeover alert as a spoor server answers it (server.md §4). */
export const TAKEOVER: Alert = TAKEOVER_ALERT;

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
