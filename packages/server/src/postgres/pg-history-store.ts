import {
  type AsyncHistoryStore,
  domainOf,
  type HistoryAnswer,
  type HistoryQuery,
  type MailboxEvent,
  normalizeAddress,
} from "@spoor/correlation";
import { EVENT_COLUMNS, type EventRow, toMailboxEvent } from "../store/event-rows.js";
import {
  type EventsQuery,
  FILTERS,
  type Filter,
  type FirstTwo,
  loadFirstTwo,
  loadWindows,
  mailboxScope,
  scopeKey,
  type Window,
} from "./pg-history-windows.js";
import type { Prefetch } from "./pg-prefetch.js";
import { type Queryable, rowsOf } from "./queryable.js";

/** The value of a filter in a stored event (the derived columns as the event store derives them). */
const FIELD: Record<Filter, (event: MailboxEvent) => string | null> = {
  host: (e) => e.host,
  mailbox: (e) => e.mailbox_address,
  ip: (e) => e.ip,
  network: (e) => e.network,
  recipientKey: (e) => normalizeAddress(e.forward_recipient),
  recipientDomain: (e) => domainOf(e.forward_recipient),
};

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

/** The first two (id, event_time) of a mailbox: the first-seen time leaving out any one id. */
const firstTwo = async (q: Queryable, host: string, mailbox: string): Promise<FirstTwo> =>
  (await loadFirstTwo(q, [[host, mailbox]])).get(mailboxScope(host, mailbox))!;

async function domainSeen(q: Queryable, query: Extract<HistoryQuery, { kind: "domainSeen" }>) {
  const rows = await rowsOf(
    q,
    `SELECT 1 FROM mailbox_events WHERE host = $1 AND mailbox_domain = $2
       AND event_time BETWEEN $3 AND $4 LIMIT 1`,
    [query.host, query.domain, query.from, query.to],
  );
  return rows.length > 0;
}

// A window read when a query falls outside what the session holds spans the query widened
// by a month plus the span of the transaction's own events either side: the queries of every
// other event of the report, and of the other rules' windows up to a month, then fall inside.
const WIDEN = 31 * 86_400;

/** The filters a window of the query holds: host and mailbox alone where it names both. */
function scopeOf(query: EventsQuery): Filter[] {
  if (query.host !== undefined && query.mailbox !== undefined) return ["host", "mailbox"];
  return FILTERS.map(([field]) => field).filter((field) => query[field] !== undefined);
}

/** The answer to `query` from the events of a window that spans it. Never throws. */
function fromWindow(query: EventsQuery, events: readonly MailboxEvent[]): MailboxEvent[] {
  const filters = FILTERS.map(([field]) => field).filter((field) => query[field] !== undefined);
  const matching = events.filter(
    (event) =>
      query.types.includes(event.type) &&
      event.event_time >= query.from &&
      event.event_time <= query.to &&
      filters.every((field) => FIELD[field](event) === query[field]),
  );
  const sign = query.order === "desc" ? -1 : 1;
  matching.sort((a, b) => sign * (a.event_time - b.event_time || a.id - b.id));
  return query.limit === null ? matching : matching.slice(0, Math.max(0, query.limit));
}

/**
 * Correlation's history queries answered from `mailbox_events` on PostgreSQL, each in one
 * statement. `session()` (one transaction's correlation phase, while no event changes)
 * remembers answers and answers events queries in memory from windows of their scope: those
 * the transaction's read-ahead loaded (`prefetch`), or one loaded when a query falls outside
 * (see WIDEN; `span` is how far apart the transaction's own events lie). A scope with too many
 * events is asked query by query.
 */
export function createPgHistoryStore(
  q: Queryable,
  prefetch?: Prefetch,
  span: () => number = () => 0,
): AsyncHistoryStore & { session(): AsyncHistoryStore } {
  const direct = async (query: HistoryQuery): Promise<HistoryAnswer> => {
    switch (query.kind) {
      case "events":
        return events(q, query);
      case "firstSeen": {
        const rows = await firstTwo(q, query.host, query.mailbox);
        return rows.find((row) => row.id !== query.excludeId)?.event_time ?? null;
      }
      case "domainSeen":
        return domainSeen(q, query);
    }
  };
  return {
    answer: direct,
    session() {
      const ahead = prefetch?.start();
      const answers = new Map<string, Promise<HistoryAnswer>>();
      const firsts = new Map<string, Promise<FirstTwo>>();
      const windows = new Map<string, Promise<Window>>();
      const eventsOf = async (query: EventsQuery): Promise<HistoryAnswer> => {
        if (query.types.length === 0) return [];
        const scope = scopeOf(query);
        const values = scope.map((field) => query[field]!);
        const key = scopeKey(scope, values);
        let window = await (windows.get(key) ?? (await ahead?.windows)?.get(key));
        if (window?.events === null) return events(q, query);
        if (window === undefined || query.from < window.from || query.to > window.to) {
          const widen = WIDEN + span();
          const from = Math.min(query.from - widen, window?.from ?? Number.POSITIVE_INFINITY);
          const to = Math.max(query.to + widen, window?.to ?? Number.NEGATIVE_INFINITY);
          const loading = loadWindows(q, scope, [{ filters: scope, values, from, to }]).then(
            (loaded) => loaded.get(key)!,
          );
          windows.set(key, loading);
          window = await loading;
          if (window.events === null) return events(q, query);
        }
        return fromWindow(query, window.events!);
      };
      const firstOf = async (host: string, mailbox: string): Promise<FirstTwo> => {
        const key = mailboxScope(host, mailbox);
        let rows = firsts.get(key);
        if (rows === undefined) {
          const read = (await ahead?.firsts)?.get(key);
          rows = read === undefined ? firstTwo(q, host, mailbox) : Promise.resolve(read);
          firsts.set(key, rows);
        }
        return rows;
      };
      const answer = async (query: HistoryQuery): Promise<HistoryAnswer> => {
        switch (query.kind) {
          case "events":
            return eventsOf(query);
          case "firstSeen": {
            const rows = await firstOf(query.host, query.mailbox);
            return rows.find((row) => row.id !== query.excludeId)?.event_time ?? null;
          }
          case "domainSeen":
            return domainSeen(q, query);
        }
      };
      return {
        answer(query) {
          let found = answers.get(query.key);
          if (found === undefined) {
            found = answer(query);
            answers.set(query.key, found);
          }
          return found;
        },
      };
    },
  };
}
