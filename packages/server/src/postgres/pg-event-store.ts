import { domainOf, normalizeAddress } from "@spoor/correlation";
import { hostGlobPattern } from "../auth/host-glob.js";
import { EVENT_COLUMNS, type EventRow, toEventJson, toMailboxEvent } from "../store/event-rows.js";
import type { EventStore, NewMailboxEvent } from "../store/event-store.js";
import type { EventClass } from "../store/mailbox-event.js";
import type { Async } from "../store/server-store.js";
import type { WriteBuffer } from "./pg-write-buffer.js";
import { changesOf, conditions, type Queryable, rowsOf } from "./queryable.js";

/** The event columns plus the alert ids (`e` is the events alias), in PostgreSQL. */
export const PG_EVENT_COLUMNS_WITH_ALERTS = `${EVENT_COLUMNS.split(", ")
  .map((column) => `e.${column}`)
  .join(
    ", ",
  )}, (SELECT string_agg(alert_id::text, ',') FROM alert_events WHERE event_id = e.id) AS alert_ids`;

/** The row values of an event, its derived columns included ($1…$13). */
function eventValues(event: NewMailboxEvent): unknown[] {
  return [
    event.event_time,
    event.host,
    event.type,
    event.mailbox_address,
    event.ip,
    event.network,
    event.asn,
    event.as_name,
    event.country,
    event.forward_recipient,
    domainOf(event.mailbox_address),
    normalizeAddress(event.forward_recipient),
    domainOf(event.forward_recipient),
  ];
}

/**
 * The `mailbox_events` table on PostgreSQL. With a transaction's write buffer, new rows wait
 * in it (a rewrite or removal of a waiting row changes only the buffer).
 */
export function createPgEventStore(q: Queryable, buffer?: WriteBuffer): Async<EventStore> {
  const json = async (id: number) => {
    const [row] = await rowsOf<EventRow>(
      q,
      `SELECT ${PG_EVENT_COLUMNS_WITH_ALERTS} FROM mailbox_events e WHERE e.id = $1`,
      [id],
    );
    return row === undefined ? undefined : toEventJson(row);
  };
  return {
    async insert(event) {
      if (buffer !== undefined) return buffer.addEvent(eventValues(event));
      const [row] = await rowsOf<{ id: number }>(
        q,
        `INSERT INTO mailbox_events (event_time, host, type, mailbox_address, ip_address, network, asn,
           as_name, country, forward_recipient, mailbox_domain, recipient_key, recipient_domain)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        eventValues(event),
      );
      return row!.id;
    },
    async replace(event) {
      if (buffer?.replaceEvent(event.id, eventValues(event))) return;
      await changesOf(
        q,
        `UPDATE mailbox_events SET event_time = $1, host = $2, type = $3, mailbox_address = $4,
           ip_address = $5, network = $6, asn = $7, as_name = $8, country = $9, forward_recipient = $10,
           mailbox_domain = $11, recipient_key = $12, recipient_domain = $13 WHERE id = $14`,
        [...eventValues(event), event.id],
      );
    },
    async remove(id) {
      if (buffer?.dropEvent(id)) return;
      await changesOf(q, "DELETE FROM mailbox_events WHERE id = $1", [id]);
    },
    async all() {
      const rows = await rowsOf<EventRow>(
        q,
        `SELECT ${EVENT_COLUMNS} FROM mailbox_events ORDER BY id`,
      );
      return rows.map(toMailboxEvent);
    },
    async list(filter) {
      const where = conditions();
      if (filter.host !== undefined) where.add("e.host = %", filter.host);
      if (filter.mailboxAddress !== undefined) {
        where.add("e.mailbox_address = %", filter.mailboxAddress);
      }
      if (filter.hostsGlob !== null) where.add("e.host ~* %", hostGlobPattern(filter.hostsGlob));
      if (filter.eventClass === "none") where.add("e.class IS NULL");
      else if (filter.eventClass !== undefined) where.add("e.class = %", filter.eventClass);
      const rows = await rowsOf<EventRow>(
        q,
        `SELECT ${PG_EVENT_COLUMNS_WITH_ALERTS} FROM mailbox_events e${where.where()}
         ORDER BY e.id DESC LIMIT ${where.parameter(filter.records + 1)} OFFSET ${where.parameter(filter.offset)}`,
        where.values,
      );
      const more = rows.length > filter.records;
      return { events: rows.slice(0, filter.records).map(toEventJson), more };
    },
    async assess(id, eventClass) {
      const changed = await changesOf(
        q,
        "UPDATE mailbox_events SET class = $1, class_by_analyst = $2 WHERE id = $3",
        [eventClass, eventClass !== null, id],
      );
      return changed > 0;
    },
    json,
    async classOf(id) {
      const [row] = await rowsOf<{ class: EventClass | null; class_by_analyst: boolean }>(
        q,
        "SELECT class, class_by_analyst FROM mailbox_events WHERE id = $1",
        [id],
      );
      return row === undefined
        ? undefined
        : { eventClass: row.class, byAnalyst: row.class_by_analyst };
    },
    async setClass(id, eventClass) {
      await changesOf(
        q,
        "UPDATE mailbox_events SET class = $1 WHERE id = $2 AND NOT class_by_analyst",
        [eventClass, id],
      );
    },
  };
}
