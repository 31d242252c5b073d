import type { Incident } from "./finding.js";
import type { RuleId } from "./rule-ids.js";
import type { Severity } from "./severity.js";

/** Alert states (server.md §4). */
export const ALERT_STATES = ["open", "acknowledged", "resolved", "false_positive"] as const;

/** One of {@link ALERT_STATES}. */
export type AlertState = (typeof ALERT_STATES)[number];

/** An alert's content: a deterministic function of its incidents. */
export interface AlertDraft {
  rule: RuleId;
  key: string;
  severity: Severity;
  summary: string;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  /** Evidence event ids, ascending. */
  event_ids: number[];
  first_event_time: number;
  last_event_time: number;
  /** Least anchor time of its incidents (store it; look alerts up by rule, key and anchor span). */
  anchor_first: number;
  /** Greatest anchor time of its incidents. */
  anchor_last: number;
  /** Store as JSON; reconcile needs them back. */
  incidents: Incident[];
}

/** An alert as the store keeps it. */
export interface AlertRecord extends AlertDraft {
  id: number;
  state: AlertState;
}

/** What the store does with the result of {@link reconcile}, in the order given. */
export type AlertChange =
  /** Insert a new alert (state open) and notify. */
  | { kind: "open"; alert: AlertDraft }
  /** Replace the alert's content; notify when `severityRaised`. */
  | { kind: "update"; id: number; alert: AlertDraft; severityRaised: boolean }
  /** Replace `into`'s content; delete the `from` alerts (their evidence is now in `into`). */
  | { kind: "merge"; into: number; from: number[]; alert: AlertDraft; severityRaised: boolean }
  /** Delete the alert: with all evidence now known, it never held (e.g. an older login from the same network arrived late). */
  | { kind: "withdraw"; id: number };
