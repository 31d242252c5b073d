import type { ScenarioEvent } from "./scenario.js";

/** The arrival orders every scenario is replayed in. */
export type Arrival = "in-order" | "shuffled" | "duplicated" | "backfilled";

const MAX_LATE = 48 * 3_600;

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function byArrival(items: { event: ScenarioEvent; at: number; order: number }[]): ScenarioEvent[] {
  return items.sort((a, b) => a.at - b.at || a.order - b.order).map((item) => item.event);
}

/**
 * The events in the order an arrival delivers them: `in-order` by event time; `shuffled`, each
 * up to 48 h late (seeded); `duplicated`, in order with every event re-sent once up to 48 h
 * later (seeded); `backfilled`, the later half first, then the earlier half (a month an agent
 * backfills after the server already has newer events). Never throws.
 */
export function arrange(
  events: readonly ScenarioEvent[],
  arrival: Arrival,
  seed = 1,
): ScenarioEvent[] {
  const next = random(seed);
  const items = events.map((event, order) => ({ event, at: event.event_time, order }));
  switch (arrival) {
    case "in-order":
      return byArrival(items);
    case "shuffled":
      return byArrival(items.map((item) => ({ ...item, at: item.at + next() * MAX_LATE })));
    case "duplicated":
      return byArrival([
        ...items,
        ...items.map((item) => ({
          ...item,
          at: item.at + next() * MAX_LATE,
          order: item.order + events.length,
        })),
      ]);
    case "backfilled": {
      const sorted = byArrival(items);
      const half = Math.floor(sorted.length / 2);
      return [...sorted.slice(half), ...sorted.slice(0, half)];
    }
  }
}
