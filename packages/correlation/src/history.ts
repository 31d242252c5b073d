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

  /** The answer when it has the shape its kind promises; otherwise the query stays missing. */
  private read(query: HistoryQuery): unknown {
    const answer = this.answers.get(query.key);
    const valid =
      query.kind === "events"
        ? Array.isArray(answer)
        : query.kind === "firstSeen"
          ? answer === null || typeof answer === "number"
          : typeof answer === "boolean";
    if (valid) return answer;
    this.missing.set(query.key, query);
    return undefined;
  }

  /** Events matching `filter`, or undefined until answered. */
  events(filter: EventsFilter): MailboxEvent[] | undefined {
    return this.read(eventsQuery(filter)) as MailboxEvent[] | undefined;
  }

  /** First-seen time (null: never), or undefined until answered. */
  firstSeen(host: string, mailbox: string, excludeId: number): number | null | undefined {
    return this.read(firstSeenQuery(host, mailbox, excludeId)) as number | null | undefined;
  }

  /** Whether the domain was seen, or undefined until answered. */
  domainSeen(host: string, domain: string, from: number, to: number): boolean | undefined {
    return this.read(domainSeenQuery(host, domain, from, to)) as boolean | undefined;
  }
}
