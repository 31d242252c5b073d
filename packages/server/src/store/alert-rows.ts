import type { AlertDraft, AlertRecord } from "@spoor/correlation";
import type { AlertJson, AlertState, Severity } from "./alert.js";

/** An `alerts` row with its event ids (`group_concat`). */
export interface AlertRow {
  id: number;
  rule: string;
  severity: Severity;
  state: AlertState;
  alert_key: string;
  hosts: string;
  mailbox_addresses: string;
  ips: string;
  forward_recipients: string;
  summary: string;
  first_event_time: number;
  last_event_time: number;
  anchor_first: number;
  anchor_last: number;
  incidents: string;
  created_at: number;
  updated_at: number;
  event_ids: string | null;
}

/** The columns of an {@link AlertRow} (`a` is the alerts table alias). */
export const ALERT_COLUMNS = `a.id, a.rule, a.severity, a.state, a.alert_key, a.hosts, a.mailbox_addresses,
  a.ips, a.forward_recipients, a.summary, a.first_event_time, a.last_event_time, a.anchor_first,
  a.anchor_last, a.incidents, a.created_at, a.updated_at,
  (SELECT group_concat(event_id) FROM alert_events WHERE alert_id = a.id) AS event_ids`;

/** The id list of a `group_concat` (or `string_agg`) column, ascending. Never throws. */
export const idList = (text: string | null | undefined): number[] =>
  text
    ? text
        .split(",")
        .map(Number)
        .sort((a, b) => a - b)
    : [];

/** The JSON-array columns of a row and its event ids, as both the API and reconciliation read them. */
function listsOf(row: AlertRow) {
  return {
    hosts: JSON.parse(row.hosts) as string[],
    mailbox_addresses: JSON.parse(row.mailbox_addresses) as string[],
    ips: JSON.parse(row.ips) as string[],
    forward_recipients: JSON.parse(row.forward_recipients) as string[],
    event_ids: idList(row.event_ids),
  };
}

/** A row → the API's alert JSON. Never throws for rows this store wrote. */
export function toAlertJson(row: AlertRow): AlertJson {
  return {
    id: row.id,
    rule: row.rule,
    severity: row.severity,
    state: row.state,
    ...listsOf(row),
    summary: row.summary,
    first_event_time: row.first_event_time,
    last_event_time: row.last_event_time,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A row → what reconciliation works on. Never throws for rows this store wrote. */
export function toAlertRecord(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    state: row.state,
    rule: row.rule as AlertRecord["rule"],
    key: row.alert_key,
    severity: row.severity,
    summary: row.summary,
    ...listsOf(row),
    first_event_time: row.first_event_time,
    last_event_time: row.last_event_time,
    anchor_first: row.anchor_first,
    anchor_last: row.anchor_last,
    incidents: JSON.parse(row.incidents) as AlertDraft["incidents"],
  };
}

/** The named parameters of an INSERT/UPDATE of a draft. Never throws. */
export function draftColumns(draft: AlertDraft, now: number): Record<string, unknown> {
  return {
    rule: draft.rule,
    key: draft.key,
    severity: draft.severity,
    hosts: JSON.stringify(draft.hosts),
    mailbox_addresses: JSON.stringify(draft.mailbox_addresses),
    ips: JSON.stringify(draft.ips),
    forward_recipients: JSON.stringify(draft.forward_recipients),
    summary: draft.summary,
    first_event_time: draft.first_event_time,
    last_event_time: draft.last_event_time,
    anchor_first: draft.anchor_first,
    anchor_last: draft.anchor_last,
    incidents: JSON.stringify(draft.incidents),
    now,
  };
}
