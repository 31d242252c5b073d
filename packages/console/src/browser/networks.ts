import type { MailboxEvent } from "./types.js";

/** One network a mailbox's events came from. */
export interface NetworkUse {
  network: string;
  asn: number | null;
  as_name: string | null;
  country: string | null;
  events: number;
  first_event_time: number | null;
  last_event_time: number | null;
}

/**
 * The networks of a set of events, most recently used first (events without a network are
 * left out). Pure; never throws.
 */
export function networksOf(events: readonly MailboxEvent[]): NetworkUse[] {
  const byNetwork = new Map<string, NetworkUse>();
  for (const event of events) {
    const { network, asn, as_name, country } = event.ip_actor;
    if (network === null) continue;
    const time = event.event_time;
    const use = byNetwork.get(network) ?? {
      network,
      asn,
      as_name,
      country,
      events: 0,
      first_event_time: time,
      last_event_time: time,
    };
    use.events += 1;
    if (time !== null) {
      if (use.first_event_time === null || time < use.first_event_time) use.first_event_time = time;
      if (use.last_event_time === null || time > use.last_event_time) use.last_event_time = time;
    }
    byNetwork.set(network, use);
  }
  return [...byNetwork.values()].sort(
    (a, b) =>
      (b.last_event_time ?? 0) - (a.last_event_time ?? 0) || (a.network < b.network ? -1 : 1),
  );
}
