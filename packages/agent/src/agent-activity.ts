/** Where one follower is: the log it reads and how far it got. */
export interface FollowerActivity {
  path: string;
  /** Offset of the next line to read in the file being read (its checkpoint). */
  position: number;
  /** The file being read (may be the rotated one while it is drained). */
  readingPath: string;
  /** When the configured log was found missing (ms), while it still is. */
  missingSince?: number;
}

/**
 * What the parts of a running agent tell each other's reporters: counters, where each
 * follower is, and how the API answered. Plain data plus the recording calls; no IO.
 */
export interface AgentActivity {
  counts: { linesRead: number; entriesSpooled: number; delivered: number; failed: number };
  followers: Map<string, FollowerActivity>;
  /** ms of the last 202. */
  lastDeliveryAt?: number;
  /** The last failure to deliver, without secrets or content. */
  lastError?: { at: number; reason: string };
  /** ms of the first failure since the last delivery (or since the start). */
  failingSince?: number;
  following(type: string, path: string): void;
  read(type: string, lines: number, spooled: number, readingPath: string, position: number): void;
  missing(type: string, missing: boolean): void;
  delivered(): void;
  /** `permanent`: refused and moved to failed/ (counted as failed). */
  failedDelivery(reason: string, permanent: boolean): void;
}

/** A fresh {@link AgentActivity} on the ms clock `now`. Never throws. */
export function createAgentActivity(now: () => number = Date.now): AgentActivity {
  const activity: AgentActivity = {
    counts: { linesRead: 0, entriesSpooled: 0, delivered: 0, failed: 0 },
    followers: new Map(),
    following(type, path) {
      activity.followers.set(type, { path, position: 0, readingPath: path });
    },
    read(type, lines, spooled, readingPath, position) {
      activity.counts.linesRead += lines;
      activity.counts.entriesSpooled += spooled;
      const follower = activity.followers.get(type);
      if (follower === undefined) return;
      follower.readingPath = readingPath;
      follower.position = position;
    },
    missing(type, missing) {
      const follower = activity.followers.get(type);
      if (follower === undefined) return;
      if (!missing) delete follower.missingSince;
      else follower.missingSince ??= now();
    },
    delivered() {
      activity.counts.delivered += 1;
      activity.lastDeliveryAt = now();
      delete activity.failingSince;
    },
    failedDelivery(reason, permanent) {
      if (permanent) activity.counts.failed += 1;
      activity.lastError = { at: now(), reason };
      activity.failingSince ??= now();
    },
  };
  return activity;
}
