import type { AsyncHistoryStore, HistoryQuery } from "@spoor/correlation";
import { EVENT_COLUMNS, type EventRow, toMailboxEvent } from "../store/event-rows.js";
import { type Queryable, rowsOf } from "./queryable.js";

type EventsQuery = Extract<HistoryQuery, { kind: "events" }>;

const FILTERS: ReadonlyArray<[keyof EventsQuery, string]> = [
  ["host", "host"],
  ["mailbox", "mailbox_address"],
  ["ip", "ip_address"],
  ["network", "network"],
  ["recipientKey", "recipient_key"],
  ["recipientDomain", "recipient_domain"],
];

async function events(q: Queryable, query: EventsQuery) {
  if (query.types.length === 0) return [];
  const where: string[] = [];
  const values: unknown[] = [];
  for (const [field, column] of FILTERS) {
    const value = query[field];
    if (value === undefined) continue;
    values.push(value);
    where.push(`${column} = $${values.length}`);
  }
  values.push(query.types, query.from, query.to);
  const n = values.length;
  where.push(`type = ANY($${n - 2})`, `event_time BETWEEN $${n - 1} AND $${n}`);
  const direction = query.order === "desc" ? "DESC" : "ASC";
  let limit = "";
  if (query.limit !== null) {
    values.push(query.limit);
    limit = ` LIMIT $${values.length}`;
  }
  const rows = await rowsOf<EventRow>(
    q,
    `SELECT ${EVENT_COLUMNS} FROM mailbox_events WHERE ${where.join(" AND ")}
     ORDER BY event_time ${direction}, id ${direction}${limit}`,
    values,
  );
  return rows.map(toMailboxEvent);
}

/** Correlation's history queries answered from `mailbox_events` on PostgreSQL. */
export function createPgHistoryStore(q: Queryable): AsyncHistoryStore {
  return {
    async answer(query) {
      switch (query.kind) {
        case "events":
          return events(q, query);
        case "firstSeen": {
          const rows = await rowsOf<{ id: number; event_time: number }>(
            q,
            `SELECT id, event_time FROM mailbox_events WHERE mailbox_address = $1 AND host = $2
               AND event_time IS NOT NULL ORDER BY event_time, id LIMIT 2`,
            [query.mailbox, query.host],
          );
          return rows.find((row) => row.id !== query.excludeId)?.event_time ?? null;
        }
        case "domainSeen": {
          const rows = await rowsOf(
            q,
            `SELECT 1 FROM mailbox_events WHERE host = $1 AND mailbox_domain = $2
               AND event_time BETWEEN $3 AND $4 LIMIT 1`,
            [query.host, query.domain, query.from, query.to],
          );
          return rows.length > 0;
        }
      }
    },
  };
}
