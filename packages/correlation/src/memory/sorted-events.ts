import type { MailboxEvent } from "../mailbox-event.js";

/** The first index whose event is not before (time, id). */
function lowerBound(list: readonly MailboxEvent[], time: number, id: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const event = list[mid]!;
    if (event.event_time < time || (event.event_time === time && event.id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Events kept in (event_time, id) order, for range scans by time. */
export class SortedEvents {
  readonly list: MailboxEvent[] = [];

  /** Inserts in order. Never throws. */
  insert(event: MailboxEvent): void {
    const at = lowerBound(this.list, event.event_time, event.id);
    this.list.splice(at, 0, event);
  }

  /** Removes the event with this id and time, if present. Never throws. */
  remove(event: MailboxEvent): void {
    const at = lowerBound(this.list, event.event_time, event.id);
    if (this.list[at]?.id === event.id) this.list.splice(at, 1);
  }

  /** The index range of events with event_time in [from, to]. Never throws. */
  range(from: number, to: number): [number, number] {
    return [lowerBound(this.list, from, -Infinity), lowerBound(this.list, to + 1, -Infinity)];
  }
}
