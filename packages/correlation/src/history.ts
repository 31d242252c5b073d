import {
  domainSeenQuery,
  type EventsFilter,
  eventsQuery,
  firstSeenQuery,
  type HistoryAnswers,
  type HistoryQuery,
} from "./history-query.js";
import type { MailboxEvent } from "./mailbox-event.js";

/**
 * Reads answers gathered so far; a question not answered yet is recorded as missing and read
 * as `undefined`, so one evaluation pass asks every question it can already formulate.
 */
export class History {
  readonly missing = new Map<string, HistoryQuery>();

  constructor(private readonly answers: HistoryAnswers) {}

  private read(query: HistoryQuery): unknown {
    if (this.answers.has(query.key)) return this.answers.get(query.key);
    this.missing.set(query.key, query);
    return undefined;
  }

  /** Events matching `filter`, or undefined until answered. */
  events(filter: EventsFilter): MailboxEvent[] | undefined {
    const answer = this.read(eventsQuery(filter));
    return Array.isArray(answer) ? (answer as MailboxEvent[]) : undefined;
  }

  /** First-seen time (null: never), or undefined until answered. */
  firstSeen(host: string, mailbox: string, excludeId: number): number | null | undefined {
    const query = firstSeenQuery(host, mailbox, excludeId);
    const answer = this.read(query);
    if (answer === undefined) return undefined;
    return typeof answer === "number" ? answer : null;
  }

  /** Whether the domain was seen, or undefined until answered. */
  domainSeen(host: string, domain: string, from: number, to: number): boolean | undefined {
    const answer = this.read(domainSeenQuery(host, domain, from, to));
    return answer === undefined ? undefined : answer === true;
  }
}
