import type { HistoryAnswer, HistoryQuery, HistoryStore, MailboxEvent } from "@spoor/correlation";
import type Database from "better-sqlite3";

type EventsQuery = Extract<HistoryQuery, { kind: "events" }>;

/** The history store of SQLite: its answers, and sessions that remember them. */
export interface SqliteHistoryStore extends HistoryStore {
  /**
   * A store that remembers what it answered (by query key; the first events of a mailbox
   * whatever id a first-seen query leaves out), so the same question asked for several
   * events, or by several rules, reads the database once. Valid only while `mailbox_events`
   * does not change: the correlation phase of one report's transaction.
   */
  session(): HistoryStore;
}

const FILTERS: ReadonlyArray<[keyof EventsQuery, string]> = [
  ["host", "host = ?"],
  ["mailbox", "mailbox_address = ?"],
  ["ip", "ip_address = ?"],
  ["network", "network = ?"],
  ["recipientKey", "recipient_key = ?"],
  ["recipientDomain", "recipient_domain = ?"],
];

// The columns of a MailboxEvent, read as arrays (no intermediate row object per row).
const COLUMNS =
  "id, event_time, host, type, mailbox_address, ip_address, network, asn, as_name, country, forward_recipient";
type Row = [
  number,
  number | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
];

function toEvent(row: Row): MailboxEvent {
  return {
    id: row[0],
    event_time: row[1] ?? 0,
    host: row[2],
    type: row[3],
    mailbox_address: row[4],
    ip: row[5],
    network: row[6],
    asn: row[7],
    as_name: row[8],
    country: row[9],
    forward_recipient: row[10],
  };
}

/**
 * The LIMIT of a query as SQL text: a literal, because SQLite re-prepares a statement whose
 * LIMIT is a bound parameter on every run (its value steers the plan); correlation's limits
 * are a few constants, so one statement per limit. Anything but a safe integer ≥ 0 is bound.
 */
function limitSql(limit: number | null): string {
  if (limit === null) return "";
  return Number.isSafeInteger(limit) && limit >= 0 ? ` LIMIT ${limit}` : " LIMIT ?";
}

/** The SELECT of an events query's shape (parameters in FILTERS order, types, from, to[, limit]). */
function eventsSql(query: EventsQuery): string {
  const where = FILTERS.filter(([field]) => query[field] !== undefined).map(([, clause]) => clause);
  where.push(`type IN (${query.types.map(() => "?").join(", ")})`, "event_time BETWEEN ? AND ?");
  const direction = query.order === "desc" ? "DESC" : "ASC";
  return `SELECT ${COLUMNS} FROM mailbox_events WHERE ${where.join(" AND ")}
    ORDER BY event_time ${direction}, id ${direction}${limitSql(query.limit)}`;
}

/**
 * Answers correlation's history queries (`@spoor/correlation` HistoryQuery) from the
 * `mailbox_events` table, through its indexes. Prepared statements are kept per query shape.
 * Never throws for well-formed queries.
 */
export function createHistoryStore(db: Database.Database): SqliteHistoryStore {
  // One prepared statement per query shape (which filters, how many types, order, which limit).
  const statements = new Map<string, Database.Statement>();
  const firstSeen = db
    .prepare<[string, string], [number, number]>(
      `SELECT id, event_time FROM mailbox_events WHERE mailbox_address = ? AND host = ? AND event_time IS NOT NULL
     ORDER BY event_time, id LIMIT 2`,
    )
    .raw(true);
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
    const limit = limitSql(query.limit);
    shape += `:${query.types.length}:${query.order}:${limit}`;
    parameters.push(...query.types, query.from, query.to);
    if (limit === " LIMIT ?") parameters.push(query.limit);
    let statement = statements.get(shape);
    if (statement === undefined) {
      statement = db.prepare(eventsSql(query)).raw(true);
      statements.set(shape, statement);
    }
    return (statement.all(...parameters) as Row[]).map(toEvent);
  };
  // The first two (id, event_time) of a mailbox: the first-seen time leaving out any one id.
  const firstTwo = (host: string, mailbox: string) => firstSeen.all(mailbox, host);
  const answer = (
    query: HistoryQuery,
    first: (host: string, mailbox: string) => [number, number][],
  ): HistoryAnswer => {
    switch (query.kind) {
      case "events":
        return events(query);
      case "firstSeen": {
        const found = first(query.host, query.mailbox).find(([id]) => id !== query.excludeId);
        return found?.[1] ?? null;
      }
      case "domainSeen":
        return domainSeen.get(query.host, query.domain, query.from, query.to) !== undefined;
    }
  };
  return {
    answer: (query) => answer(query, firstTwo),
    session() {
      const answers = new Map<string, HistoryAnswer>();
      const firsts = new Map<string, [number, number][]>();
      const first = (host: string, mailbox: string) => {
        const key = `${host.length}:${host}${mailbox}`;
        let rows = firsts.get(key);
        if (rows === undefined) {
          rows = firstTwo(host, mailbox);
          firsts.set(key, rows);
        }
        return rows;
      };
      return {
        answer(query) {
          let found = answers.get(query.key);
          if (found === undefined) {
            found = answer(query, first);
            answers.set(query.key, found);
          }
          return found;
        },
      };
    },
  };
}
