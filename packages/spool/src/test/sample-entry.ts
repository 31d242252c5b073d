import type { SpoolEntry } from "../spool-types.js";
import { stableId } from "../stable-id.js";

/** A login entry as the follower spools it, with a stable id derived from `seed`. */
export function sampleEntry(seed: string, fields: Partial<SpoolEntry> = {}): SpoolEntry {
  return {
    id: stableId("sample", seed),
    type: "login",
    event: "login",
    log_time: 1555588110,
    ip: "10.10.10.10",
    credential: `${seed}@blah.capefox.co`,
    possessor: "blahuser",
    status: "success",
    context: "mailbox",
    scope: "webmaild",
    ...fields,
  };
}

/** The bytes the spool stores for `entry` (compact JSON). */
export function entrySize(entry: SpoolEntry): number {
  return Buffer.byteLength(JSON.stringify(entry));
}

/** A controllable millisecond clock. */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

/** A clock starting at `startMs`. */
export function manualClock(startMs = 1_700_000_000_000): ManualClock {
  let time = startMs;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
