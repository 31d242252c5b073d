import type { IpActor } from "@spoor/ip-enrichment";
import { idList } from "./alert-rows.js";
import type { EventClass, MailboxEvent, MailboxEventJson } from "./mailbox-event.js";
import type { ReportRow } from "./report-store.js";

/**
 * A `mailbox_events` row as SQLite returns it (with its alert ids as a list): the columns a
 * report has too, where the event came from, and its class.
 */
export interface EventRow extends ReportRow, IpActor {
  class: EventClass | null;
  alert_ids?: string | null;
}

/** The columns of an {@link EventRow}. */
export const EVENT_COLUMNS =
  "id, event_time, host, type, mailbox_address, ip_address, network, asn, as_name, country, forward_recipient, class";

/** Columns plus the alert ids (`e` is the events table alias). */
export const EVENT_COLUMNS_WITH_ALERTS = `${EVENT_COLUMNS.split(", ")
  .map((column) => `e.${column}`)
  .join(
    ", ",
  )}, (SELECT group_concat(alert_id) FROM alert_events WHERE event_id = e.id) AS alert_ids`;

/** A row → the event correlation works on. Never throws. */
export function toMailboxEvent(row: EventRow): MailboxEvent {
  return {
    id: row.id,
    event_time: row.event_time ?? 0,
    host: row.host,
    type: row.type,
    mailbox_address: row.mailbox_address,
    ip: row.ip_address,
    network: row.network,
    asn: row.asn,
    as_name: row.as_name,
    country: row.country,
    forward_recipient: row.forward_recipient,
  };
}

/** A row → the API's JSON. Never throws. */
export function toEventJson(row: EventRow): MailboxEventJson {
  return {
    id: row.id,
    event_time: row.event_time,
    host: row.host,
    type: row.type,
    mailbox_address: row.mailbox_address,
    ip_actor: {
      ip_address: row.ip_address,
      network: row.network,
      asn: row.asn,
      as_name: row.as_name,
      country: row.country,
    },
    forward_recipient: row.forward_recipient,
    class: row.class,
    alert_ids: idList(row.alert_ids),
  };
}
