import { domainOf, normalizeAddress } from "../address.js";
import type { HistoryStore } from "../correlate.js";
import type { EventsQuery, HistoryAnswer, HistoryQuery } from "../history-query.js";
import type { MailboxEvent } from "../mailbox-event.js";
import { SortedEvents } from "./sorted-events.js";

type IndexName = "mailbox" | "ip" | "recipient" | "recipientDomain" | "mailboxDomain";

function indexKeys(event: MailboxEvent): [IndexName, string][] {
  const keys: [IndexName, string][] = [];
  if (event.mailbox_address !== null)
    keys.push(["mailbox", JSON.stringify([event.host, event.mailbox_address])]);
  if (event.ip !== null) keys.push(["ip", event.ip]);
  const recipient = normalizeAddress(event.forward_recipient);
  if (recipient !== null) keys.push(["recipient", recipient]);
  const recipientDomain = domainOf(event.forward_recipient);
  if (recipientDomain !== null)
    keys.push(["recipientDomain", JSON.stringify([event.host, recipientDomain])]);
  const mailboxDomain = domainOf(event.mailbox_address);
  if (mailboxDomain !== null)
    keys.push(["mailboxDomain", JSON.stringify([event.host, mailboxDomain])]);
  return keys;
}

function matches(event: MailboxEvent, query: EventsQuery): boolean {
  return (
    query.types.includes(event.type) &&
    (query.host === undefined || event.host === query.host) &&
    (query.mailbox === undefined || event.mailbox_address === query.mailbox) &&
    (query.ip === undefined || event.ip === query.ip) &&
    (query.network === undefined || event.network === query.network) &&
    (query.recipientKey === undefined ||
      normalizeAddress(event.forward_recipient) === query.recipientKey) &&
    (query.recipientDomain === undefined ||
      domainOf(event.forward_recipient) === query.recipientDomain)
  );
}

/**
 * The in-memory reference implementation of the history queries: mailbox events indexed by
 * mailbox, IP, recipient, recipient domain and mailbox domain, each index in (event_time, id)
 * order. What the SQLite and PostgreSQL stores must answer identically.
 */
export class MemoryHistory implements HistoryStore {
  private readonly byId = new Map<number, MailboxEvent>();
  private readonly indexes = new Map<string, SortedEvents>();

  private index(name: IndexName, key: string, create: boolean): SortedEvents | undefined {
    const id = `${name}\u0000${key}`;
    let index = this.indexes.get(id);
    if (index === undefined && create) {
      index = new SortedEvents();
      this.indexes.set(id, index);
    }
    return index;
  }

  /** Stores an event (its id must be new). Never throws. */
  add(event: MailboxEvent): void {
    this.byId.set(event.id, event);
    for (const [name, key] of indexKeys(event)) this.index(name, key, true)!.insert(event);
  }

  /** Removes the event with this id, if stored. Never throws. */
  delete(id: number): void {
    const event = this.byId.get(id);
    if (event === undefined) return;
    this.byId.delete(id);
    for (const [name, key] of indexKeys(event)) this.index(name, key, false)?.remove(event);
  }

  /** Replaces the stored event with the same id. Never throws. */
  replace(event: MailboxEvent): void {
    this.delete(event.id);
    this.add(event);
  }

  /** Every stored event in id order. Never throws. */
  all(): MailboxEvent[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  /** The most selective index for the query; an empty one when it has no events yet. */
  private pick(query: EventsQuery): SortedEvents {
    const empty = new SortedEvents();
    if (query.mailbox !== undefined && query.host !== undefined) {
      return this.index("mailbox", JSON.stringify([query.host, query.mailbox]), false) ?? empty;
    }
    if (query.ip !== undefined) return this.index("ip", query.ip, false) ?? empty;
    if (query.recipientKey !== undefined)
      return this.index("recipient", query.recipientKey, false) ?? empty;
    if (query.recipientDomain !== undefined && query.host !== undefined) {
      const key = JSON.stringify([query.host, query.recipientDomain]);
      return this.index("recipientDomain", key, false) ?? empty;
    }
    // No query of correlation's gets here; answer it anyway, by a full scan.
    const all = new SortedEvents();
    for (const event of this.byId.values()) all.insert(event);
    return all;
  }

  private events(query: EventsQuery): MailboxEvent[] {
    const index = this.pick(query);
    const [start, end] = index.range(query.from, query.to);
    const found: MailboxEvent[] = [];
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    const step = query.order === "asc" ? 1 : -1;
    for (
      let at = step === 1 ? start : end - 1;
      at >= start && at < end && found.length < limit;
      at += step
    ) {
      const event = index.list[at]!;
      if (matches(event, query)) found.push(event);
    }
    return found;
  }

  /** Answers one history query. Never throws. */
  answer(query: HistoryQuery): HistoryAnswer {
    switch (query.kind) {
      case "events":
        return this.events(query);
      case "firstSeen": {
        const index = this.index("mailbox", JSON.stringify([query.host, query.mailbox]), false);
        const first = index?.list.find((event) => event.id !== query.excludeId);
        return first === undefined ? null : first.event_time;
      }
      case "domainSeen": {
        const index = this.index(
          "mailboxDomain",
          JSON.stringify([query.host, query.domain]),
          false,
        );
        if (index === undefined) return false;
        const [start, end] = index.range(query.from, query.to);
        return end > start;
      }
    }
  }
}
