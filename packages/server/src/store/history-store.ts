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

/**
 * Answers correlation's history queries (`@spoor/correlation` HistoryQuery) from the
 * `mailbox_events` table, through its indexes. Prepared statements are kept per query shape.
 * Never throws for well-formed queries.
 */
export function createHistoryStore(db: Database.Database): HistoryStore {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const firstSeen = db.prepare<[string, string, number], { first: number | null }>(
    "SELECT min(event_time) AS first FROM mailbox_events WHERE host = ? AND mailbox_address = ? AND id != ?",
  );
  const domainSeen = db.prepare<[string, string, number, number], { one: number }>(
    "SELECT 1 AS one FROM mailbox_events WHERE host = ? AND mailbox_domain = ? AND event_time BETWEEN ? AND ? LIMIT 1",
  );
  const events = (query: EventsQuery): MailboxEvent[] => {
    if (query.types.length === 0) return [];
    const where: string[] = [];
    const parameters: unknown[] = [];
    for (const [field, clause] of FILTERS) {
      const value = query[field];
      if (value === undefined) continue;
      where.push(clause);
      parameters.push(value);
    }
    where.push(`type IN (${query.types.map(() => "?").join(", ")})`);
    parameters.push(...query.types);
    where.push("event_time BETWEEN ? AND ?");
    parameters.push(query.from, query.to);
    const direction = query.order === "desc" ? "DESC" : "ASC";
    const sql = `SELECT ${EVENT_COLUMNS} FROM mailbox_events WHERE ${where.join(" AND ")}
      ORDER BY event_time ${direction}, id ${direction}${query.limit === null ? "" : " LIMIT ?"}`;
    if (query.limit !== null) parameters.push(query.limit);
    return (prepared(sql).all(...parameters) as EventRow[]).map(toMailboxEvent);
  };
  return {
    answer(query) {
      switch (query.kind) {
        case "events":
          return events(query);
        case "firstSeen":
          return firstSeen.get(query.host, query.mailbox, query.excludeId)?.first ?? null;
        case "domainSeen":
          return domainSeen.get(query.host, query.domain, query.from, query.to) !== undefined;
      }
    },
  };
}
