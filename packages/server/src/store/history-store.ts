import type { HistoryQuery, HistoryStore, MailboxEvent } from "@spoor/correlation";
import type Database from "better-sqlite3";
import { EVENT_COLUMNS, type EventRow, toMailboxEvent } from "./event-rows.js";

type EventsQuery = Extract<HistoryQuery, { kind: "events" }>;

const FILTERS: ReadonlyArray<[keyof EventsQuery, string]> = [
  ["host", "host = ?"],
  ["mailbox", "mailbox_address = ?"],
  ["ip", "ip_address = ?"],
  ["network", "network = ?"],
  ["recipientKey", "recipient_key = ?"],
  ["recipientDomain", "recipient_domain = ?"],
];

/** The SELECT of an events query's shape (parameters in FILTERS order, types, from, to, limit). */
function eventsSql(query: EventsQuery): string {
  const where = FILTERS.filter(([field]) => query[field] !== undefined).map(([, clause]) => clause);
  where.push(`type IN (${query.types.map(() => "?").join(", ")})`, "event_time BETWEEN ? AND ?");
  const direction = query.order === "desc" ? "DESC" : "ASC";
  return `SELECT ${EVENT_COLUMNS} FROM mailbox_events WHERE ${where.join(" AND ")}
    ORDER BY event_time ${direction}, id ${direction}${query.limit === null ? "" : " LIMIT ?"}`;
}

/**
 * Answers correlation's history queries (`@spoor/correlation` HistoryQuery) from the
 * `mailbox_events` table, through its indexes. Prepared statements are kept per query shape.
 * Never throws for well-formed queries.
 */
export function createHistoryStore(db: Database.Database): HistoryStore {
  // One prepared statement per query shape (which filters, how many types, order, limit).
  const statements = new Map<string, Database.Statement>();
  const firstSeen = db.prepare<[string, string], { id: number; event_time: number | null }>(
    `SELECT id, event_time FROM mailbox_events WHERE mailbox_address = ? AND host = ? AND event_time IS NOT NULL
     ORDER BY event_time, id LIMIT 2`,
  );
  const domainSeen = db.prepare<[string, string, number, number], { one: number }>(
    "SELECT 1 AS one FROM mailbox_events WHERE host = ? AND mailbox_domain = ? AND event_time BETWEEN ? AND ? LIMIT 1",
  );
  const events = (query: EventsQuery): MailboxEvent[] => {
    if (query.types.length === 0) return [];
    const parameters: unknown[] = [];
    let shape = "";
    for (const [field] of FILTERS) {
      const value = query[field];
      shape += value === undefined ? "0" : "1";
      if (value !== undefined) parameters.push(value);
    }
    shape += `:${query.types.length}:${query.order}:${query.limit === null ? "all" : "limit"}`;
    parameters.push(...query.types, query.from, query.to);
    if (query.limit !== null) parameters.push(query.limit);
    let statement = statements.get(shape);
    if (statement === undefined) {
      statement = db.prepare(eventsSql(query));
      statements.set(shape, statement);
    }
    return (statement.all(...parameters) as EventRow[]).map(toMailboxEvent);
  };
  return {
    answer(query) {
      switch (query.kind) {
        case "events":
          return events(query);
        case "firstSeen": {
          const first = firstSeen
            .all(query.mailbox, query.host)
            .find((row) => row.id !== query.excludeId);
          return first?.event_time ?? null;
        }
        case "domainSeen":
          return domainSeen.get(query.host, query.domain, query.from, query.to) !== undefined;
      }
    },
  };
}
