import type { HistoryQuery, MailboxEvent } from "@spoor/correlation";
import { EVENT_COLUMNS, type EventRow, toMailboxEvent } from "../store/event-rows.js";
import { type Queryable, rowsOf } from "./queryable.js";

/** An events query of correlation. */
export type EventsQuery = Extract<HistoryQuery, { kind: "events" }>;

/** A filter of an events query. */
export type Filter = keyof Pick<
  EventsQuery,
  "host" | "mailbox" | "ip" | "network" | "recipientKey" | "recipientDomain"
>;

/** Each filter and its column, in the order scopes list them. */
export const FILTERS: ReadonlyArray<[Filter, string]> = [
  ["host", "host"],
  ["mailbox", "mailbox_address"],
  ["ip", "ip_address"],
  ["network", "network"],
  ["recipientKey", "recipient_key"],
  ["recipientDomain", "recipient_domain"],
];
const COLUMN = new Map(FILTERS);

/** Rows a window holds at most; a scope with more events in the span is asked query by query. */
export const WINDOW_ROWS = 500;

/**
 * The events of one scope (filters with values, no type filter) over [from, to]; `events`
 * null when there were more than {@link WINDOW_ROWS}.
 */
export interface Window {
  from: number;
  to: number;
  events: MailboxEvent[] | null;
}

/** A scope to load: its filters (in FILTERS order), their values, the span. */
export interface WindowRequest {
  filters: readonly Filter[];
  values: readonly string[];
  from: number;
  to: number;
}

/**
 * The key of a scope: its filters and values, each value with its length first, so no two
 * scopes share a key whatever their text. Never throws.
 */
export function scopeKey(filters: readonly Filter[], values: readonly string[]): string {
  return filters.map((filter, i) => `${filter}=${values[i]!.length}:${values[i]}`).join(";");
}

/**
 * Loads the windows of scopes that share their filters, in ONE statement (a lateral read per
 * scope, through the index of its first filters). @returns the windows by {@link scopeKey}
 * @throws `pg`'s errors
 */
export async function loadWindows(
  q: Queryable,
  filters: readonly Filter[],
  requests: readonly WindowRequest[],
): Promise<Map<string, Window>> {
  const windows = new Map<string, Window>();
  if (requests.length === 0) return windows;
  const n = filters.length;
  const arrays = [
    ...filters.map((_, i) => requests.map((r) => r.values[i]!)),
    requests.map((r) => r.from),
    requests.map((r) => r.to),
  ];
  const names = filters.map((_, i) => `v${i}`);
  const types = [
    ...filters.map((_, i) => `$${i + 1}::text[]`),
    `$${n + 1}::bigint[]`,
    `$${n + 2}::bigint[]`,
  ];
  const where = filters.map((filter, i) => `m.${COLUMN.get(filter)} = s.${names[i]}`);
  const rows = await rowsOf<EventRow & { scope: number }>(
    q,
    `SELECT s.scope, e.* FROM unnest(${types.join(", ")}) WITH ORDINALITY
       AS s(${[...names, "lo", "hi", "scope"].join(", ")})
     CROSS JOIN LATERAL (SELECT ${EVENT_COLUMNS.split(", ")
       .map((c) => `m.${c}`)
       .join(", ")} FROM mailbox_events m
       WHERE ${where.join(" AND ")} AND m.event_time BETWEEN s.lo AND s.hi LIMIT $${n + 3}) e`,
    [...arrays, WINDOW_ROWS + 1],
  );
  const found = requests.map(() => [] as MailboxEvent[]);
  for (const row of rows) found[row.scope - 1]!.push(toMailboxEvent(row));
  requests.forEach((request, i) => {
    windows.set(scopeKey(filters, request.values), {
      from: request.from,
      to: request.to,
      events: found[i]!.length > WINDOW_ROWS ? null : found[i]!,
    });
  });
  return windows;
}

/** The first two (id, event_time) of a mailbox: the first-seen time leaving out any one id. */
export type FirstTwo = { id: number; event_time: number }[];

/** The key of a mailbox on a host. Never throws. */
export const mailboxScope = (host: string, mailbox: string) => `${host.length}:${host}${mailbox}`;

/**
 * The first two events of each (host, mailbox), in ONE statement. @returns them by
 * {@link mailboxScope} @throws `pg`'s errors
 */
export async function loadFirstTwo(
  q: Queryable,
  mailboxes: readonly [string, string][],
): Promise<Map<string, FirstTwo>> {
  const firsts = new Map<string, FirstTwo>();
  if (mailboxes.length === 0) return firsts;
  const rows = await rowsOf<{ scope: number; id: number; event_time: number }>(
    q,
    `SELECT s.scope, f.id, f.event_time FROM unnest($1::text[], $2::text[]) WITH ORDINALITY
       AS s(host, mailbox, scope)
     CROSS JOIN LATERAL (SELECT id, event_time FROM mailbox_events WHERE mailbox_address = s.mailbox
       AND host = s.host AND event_time IS NOT NULL ORDER BY event_time, id LIMIT 2) f
     ORDER BY s.scope, f.event_time, f.id`,
    [mailboxes.map(([host]) => host), mailboxes.map(([, mailbox]) => mailbox)],
  );
  for (const [host, mailbox] of mailboxes) firsts.set(mailboxScope(host, mailbox), []);
  for (const row of rows) {
    const [host, mailbox] = mailboxes[row.scope - 1]!;
    firsts.get(mailboxScope(host, mailbox))!.push({ id: row.id, event_time: row.event_time });
  }
  return firsts;
}
