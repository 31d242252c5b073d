import type { AlertRecord } from "../alert.js";
import { contentKey } from "../content-key.js";
import { FORWARD_ADDED_TYPES } from "../event-types.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ScenarioEvent } from "./scenario.js";

/** An alert with store ids replaced by scenario labels: comparable across stores and orders. */
export interface ComparableAlert {
  rule: string;
  severity: string;
  state: string;
  hosts: string[];
  mailbox_addresses: string[];
  ips: string[];
  forward_recipients: string[];
  evidence: string[];
  first_event_time: number;
  last_event_time: number;
  summary: string;
}

function mergedKey(
  host: string,
  mailbox: string | null,
  time: number,
  recipient: string | null,
): string {
  return JSON.stringify([host, mailbox, time, recipient]);
}

/**
 * The alerts in a comparable form: evidence ids become the labels of the scenario events they
 * were stored from (a merged forwarder takes its recipient half's label), sorted. Never throws.
 */
export function normalizeAlerts(
  alerts: readonly AlertRecord[],
  stored: readonly MailboxEvent[],
  scenario: readonly ScenarioEvent[],
): ComparableAlert[] {
  const labels = new Map<string, string>();
  const recipientHalves = new Map<string, string>();
  for (const event of scenario) {
    labels.set(contentKey(event), event.label);
    if (event.type === "forward_added_partial_recipient") {
      recipientHalves.set(
        mergedKey(event.host, event.mailbox_address, event.event_time, event.forward_recipient),
        event.label,
      );
    }
  }
  const labelOf = new Map<number, string>();
  for (const event of stored) {
    const merged = (FORWARD_ADDED_TYPES as readonly string[]).includes(event.type)
      ? recipientHalves.get(
          mergedKey(event.host, event.mailbox_address, event.event_time, event.forward_recipient),
        )
      : undefined;
    labelOf.set(event.id, labels.get(contentKey(event)) ?? merged ?? `?${event.type}`);
  }
  return alerts
    .map((alert) => ({
      rule: alert.rule,
      severity: alert.severity,
      state: alert.state,
      hosts: [...alert.hosts],
      mailbox_addresses: [...alert.mailbox_addresses],
      ips: [...alert.ips],
      forward_recipients: [...alert.forward_recipients],
      evidence: alert.event_ids.map((id) => labelOf.get(id) ?? `?${id}`).sort(),
      first_event_time: alert.first_event_time,
      last_event_time: alert.last_event_time,
      summary: alert.summary,
    }))
    .sort((a, b) => {
      const left = JSON.stringify([a.rule, a.mailbox_addresses, a.first_event_time, a.evidence]);
      const right = JSON.stringify([b.rule, b.mailbox_addresses, b.first_event_time, b.evidence]);
      return left < right ? -1 : left > right ? 1 : 0;
    });
}
