import { domainOf, normalizeAddress } from "@spoor/correlation";
import type Database from "better-sqlite3";
import { conditionsMarkedBy } from "./conditions.js";
import {
  EVENT_COLUMNS,
  EVENT_COLUMNS_WITH_ALERTS,
  type EventRow,
  toEventJson,
  toMailboxEvent,
} from "./event-rows.js";
import type { EventClass, MailboxEvent, MailboxEventJson } from "./mailbox-event.js";
import { statementCache } from "./statement-cache.js";

/** A new mailbox event (the store gives it an id). */
export type NewMailboxEvent = Omit<MailboxEvent, "id" | "event_time"> & {
  event_time: number | null;
};

/** Filters of `GET /api/mailbox_events`. */
export interface EventFilter {
  host?: string;
  mailboxAddress?: string;
  /** `none` lists the unassessed events. */
  eventClass?: EventClass | "none";
  /** The caller's hosts glob, or null for all hosts. */
  hostsGlob: string | null;
  offset: number;
  records: number;
}

/** The `mailbox_events` table. */
export interface EventStore {
  insert(event: NewMailboxEvent): number;
  /** Rewrites a stored event in place (a forwarder half becoming the merged `forward_added`). */
  replace(event: MailboxEvent): void;
  /** Deletes an event nothing points at yet (an arriving half merged into its partner). */
  remove(id: number): void;
  /** Every event, oldest first (the scenario suite compares them). */
  all(): MailboxEvent[];
  list(filter: EventFilter): { events: MailboxEventJson[]; more: boolean };
  /** An analyst's assessment (null clears it). @returns false for an unknown id. */
  assess(id: number, eventClass: EventClass | null): boolean;
  /** The API JSON of one event. */
  json(id: number): MailboxEventJson | undefined;
  /** The class of an event and whether an analyst gave it; undefined for an unknown id. */
  classOf(id: number): { eventClass: EventClass | null; byAnalyst: boolean } | undefined;
  /** Sets the class correlation derives (never over an analyst's assessment). */
  setClass(id: number, eventClass: EventClass | null): void;
}

/** The event plus the derived columns correlation's queries filter on. */
function withDerived<T extends NewMailboxEvent>(event: T) {
  return {
    ...event,
    mailbox_domain: domainOf(event.mailbox_address),
    recipient_key: normalizeAddress(event.forward_recipient),
    recipient_domain: domainOf(event.forward_recipient),
  };
}

/** Opens the event store over the server's database. Never throws once prepared. */
export function createEventStore(db: Database.Database): EventStore {
  const insert = db.prepare(
    `INSERT INTO mailbox_events (event_time, host, type, mailbox_address, ip_address, network, asn, as_name,
       country, forward_recipient, mailbox_domain, recipient_key, recipient_domain)
     VALUES (@event_time, @host, @type, @mailbox_address, @ip, @network, @asn, @as_name, @country,
       @forward_recipient, @mailbox_domain, @recipient_key, @recipient_domain)`,
  );
  const replace = db.prepare(
    `UPDATE mailbox_events SET event_time = @event_time, host = @host, type = @type,
       mailbox_address = @mailbox_address, ip_address = @ip, network = @network, asn = @asn,
       as_name = @as_name, country = @country, forward_recipient = @forward_recipient,
       mailbox_domain = @mailbox_domain, recipient_key = @recipient_key, recipient_domain = @recipient_domain
     WHERE id = @id`,
  );
  const remove = db.prepare("DELETE FROM mailbox_events WHERE id = ?");
  const byIdJson = db.prepare<[number], EventRow>(
    `SELECT ${EVENT_COLUMNS_WITH_ALERTS} FROM mailbox_events e WHERE e.id = ?`,
  );
  const assess = db.prepare(
    "UPDATE mailbox_events SET class = ?, class_by_analyst = ? WHERE id = ?",
  );
  const all = db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM mailbox_events ORDER BY id`);
  const classOf = db.prepare<[number], { class: EventClass | null; class_by_analyst: number }>(
    "SELECT class, class_by_analyst FROM mailbox_events WHERE id = ?",
  );
  const setClass = db.prepare(
    "UPDATE mailbox_events SET class = ? WHERE id = ? AND class_by_analyst = 0",
  );
  const prepared = statementCache(db);
  return {
    insert: (event) => Number(insert.run(withDerived(event)).lastInsertRowid),
    replace(event) {
      replace.run(withDerived(event));
    },
    remove(id) {
      remove.run(id);
    },
    all: () => all.all().map(toMailboxEvent),
    list(filter) {
      const where = conditionsMarkedBy(() => "?");
      if (filter.host !== undefined) where.add("e.host = %", filter.host);
      if (filter.mailboxAddress !== undefined) {
        where.add("e.mailbox_address = %", filter.mailboxAddress);
      }
      if (filter.hostsGlob !== null) where.add("host_glob(%, e.host)", filter.hostsGlob);
      if (filter.eventClass === "none") where.add("e.class IS NULL");
      else if (filter.eventClass !== undefined) where.add("e.class = %", filter.eventClass);
      const sql = `SELECT ${EVENT_COLUMNS_WITH_ALERTS} FROM mailbox_events e${where.where()} ORDER BY e.id DESC LIMIT ${where.parameter(filter.records + 1)} OFFSET ${where.parameter(filter.offset)}`;
      const rows = prepared(sql).all(...where.values) as EventRow[];
      const more = rows.length > filter.records;
      return { events: rows.slice(0, filter.records).map(toEventJson), more };
    },
    assess: (id, eventClass) => assess.run(eventClass, eventClass === null ? 0 : 1, id).changes > 0,
    json(id) {
      const row = byIdJson.get(id);
      return row === undefined ? undefined : toEventJson(row);
    },
    classOf(id) {
      const row = classOf.get(id);
      return row === undefined
        ? undefined
        : { eventClass: row.class, byAnalyst: row.class_by_analyst === 1 };
    },
    setClass(id, eventClass) {
      setClass.run(eventClass, id);
    },
  };
}
