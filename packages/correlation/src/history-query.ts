import type { MailboxEvent } from "./mailbox-event.js";

/**
 * Mailbox events matching every given filter, with `event_time` in [from, to] (both
 * inclusive), in (event_time, id) order (`desc`: reversed), at most `limit` of them.
 * `mailbox` and `host` match exactly; `recipientKey` matches `normalizeAddress(forward_recipient)`;
 * `recipientDomain` matches `domainOf(forward_recipient)`. Answer: `MailboxEvent[]`.
 */
export interface EventsQuery {
  kind: "events";
  key: string;
  host?: string;
  mailbox?: string;
  ip?: string;
  network?: string;
  recipientKey?: string;
  recipientDomain?: string;
  types: string[];
  from: number;
  to: number;
  order: "asc" | "desc";
  limit: number | null;
}

/** The least `event_time` of any event of `mailbox` on `host` other than `excludeId`. Answer: `number | null`. */
export interface FirstSeenQuery {
  kind: "firstSeen";
  key: string;
  host: string;
  mailbox: string;
  excludeId: number;
}

/** Whether any event on `host` has `domainOf(mailbox_address) === domain` and `event_time` in [from, to]. Answer: `boolean`. */
export interface DomainSeenQuery {
  kind: "domainSeen";
  key: string;
  host: string;
  domain: string;
  from: number;
  to: number;
}

/** A plain description of history the store answers (see each kind for its answer). */
export type HistoryQuery = EventsQuery | FirstSeenQuery | DomainSeenQuery;

/** The answer to one {@link HistoryQuery}. */
export type HistoryAnswer = MailboxEvent[] | number | null | boolean;

/** Answers gathered so far, by query key. */
export type HistoryAnswers = ReadonlyMap<string, HistoryAnswer>;

/** Fields of an {@link EventsQuery} without its kind and key. */
export type EventsFilter = Omit<EventsQuery, "kind" | "key">;

/**
 * A collision-free key of plain parts: each part is written with its length in front, so no
 * text (whatever characters a host put in it) can make two different queries share a key.
 */
function keyOf(parts: readonly (string | number | null | undefined | readonly string[])[]): string {
  let key = "";
  for (const part of parts) {
    if (part === null || part === undefined) key += "-;";
    else if (typeof part === "number") key += `#${part};`;
    else if (typeof part === "string") key += `${part.length}:${part};`;
    else key += `[${keyOf(part)}]`;
  }
  return key;
}

/** The deterministic key of an events query. Never throws. */
export function eventsQuery(filter: EventsFilter): EventsQuery {
  const key = keyOf([
    "events",
    filter.host ?? null,
    filter.mailbox ?? null,
    filter.ip ?? null,
    filter.network ?? null,
    filter.recipientKey ?? null,
    filter.recipientDomain ?? null,
    filter.types,
    filter.from,
    filter.to,
    filter.order,
    filter.limit,
  ]);
  return { kind: "events", key, ...filter };
}

/** A first-seen query with its key. Never throws. */
export function firstSeenQuery(host: string, mailbox: string, excludeId: number): FirstSeenQuery {
  const key = keyOf(["firstSeen", host, mailbox, excludeId]);
  return { kind: "firstSeen", key, host, mailbox, excludeId };
}

/** A domain-seen query with its key. Never throws. */
export function domainSeenQuery(
  host: string,
  domain: string,
  from: number,
  to: number,
): DomainSeenQuery {
  const key = keyOf(["domainSeen", host, domain, from, to]);
  return { kind: "domainSeen", key, host, domain, from, to };
}
