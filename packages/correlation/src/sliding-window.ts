import type { MailboxEvent } from "./mailbox-event.js";

/**
 * What a windowed rule (or the forwarder merge) reads around an event at `time`: the `window` seconds either
 * side of it (the events before it can join its window; the ones after it are the anchors it
 * can change), oldest first, unbounded. Spread into a history filter. Never throws.
 */
export function spanAround(time: number, window: number) {
  return { from: time - window, to: time + window, order: "asc", limit: null } as const;
}

/**
 * The anchors a change at `changedTime` can affect, in order: each event of `events`
 * (oldest first) at `changedTime` or up to `window` seconds after it, with the events of the
 * `window` seconds up to and including it (`inWindow`). Never throws.
 */
export function* windowsFrom<T extends MailboxEvent>(
  events: readonly T[],
  changedTime: number,
  window: number,
): Generator<{ anchor: T; inWindow: T[] }> {
  for (const anchor of events) {
    if (anchor.event_time < changedTime || anchor.event_time > changedTime + window) continue;
    const inWindow = events.filter(
      (other) =>
        other.event_time >= anchor.event_time - window && other.event_time <= anchor.event_time,
    );
    yield { anchor, inWindow };
  }
}
