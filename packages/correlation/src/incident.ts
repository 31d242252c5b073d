import type { Incident, IncidentFacts } from "./finding.js";
import type { MailboxEvent } from "./mailbox-event.js";
import type { Severity } from "./severity.js";

function sortedUnique(values: Iterable<string | null>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value !== null) set.add(value);
  return [...set].sort();
}

/**
 * An incident at `anchor` with `evidence` (the anchor is added when missing). Lists are sorted
 * and deduplicated, so equal evidence gives equal incidents whatever order it came in.
 * Never throws.
 */
export function makeIncident(
  severity: Severity,
  anchor: MailboxEvent,
  evidence: readonly MailboxEvent[],
  facts: IncidentFacts,
): Incident {
  const events = evidence.some((event) => event.id === anchor.id)
    ? evidence
    : [...evidence, anchor];
  const times = events.map((event) => event.event_time);
  return {
    anchorId: anchor.id,
    anchorTime: anchor.event_time,
    severity,
    eventIds: [...new Set(events.map((event) => event.id))].sort((a, b) => a - b),
    firstEventTime: Math.min(...times),
    lastEventTime: Math.max(...times),
    hosts: sortedUnique(events.map((event) => event.host)),
    mailboxes: sortedUnique(events.map((event) => event.mailbox_address)),
    ips: sortedUnique(events.map((event) => event.ip)),
    recipients: sortedUnique(events.map((event) => event.forward_recipient)),
    facts,
  };
}

/** The actor facts of an event for a summary. Never throws. */
export function actorFacts(event: MailboxEvent): IncidentFacts {
  return {
    ip: event.ip,
    network: event.network,
    asn: event.asn,
    as_name: event.as_name,
    country: event.country,
  };
}

/** Orders events by time, then ip text, then id: a stable pick of "the first". Never throws. */
export function byTimeThenIp(a: MailboxEvent, b: MailboxEvent): number {
  if (a.event_time !== b.event_time) return a.event_time - b.event_time;
  const ipA = a.ip ?? "";
  const ipB = b.ip ?? "";
  if (ipA !== ipB) return ipA < ipB ? -1 : 1;
  return a.id - b.id;
}

/** The first event (by {@link byTimeThenIp}) of each group. Never throws. */
export function firstOfEachGroup(
  events: readonly MailboxEvent[],
  groupOf: (event: MailboxEvent) => string,
): MailboxEvent[] {
  const firsts = new Map<string, MailboxEvent>();
  for (const event of [...events].sort(byTimeThenIp)) {
    const group = groupOf(event);
    if (!firsts.has(group)) firsts.set(group, event);
  }
  return [...firsts.values()];
}
