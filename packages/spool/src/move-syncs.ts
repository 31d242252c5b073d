import { coalesceDirectorySyncs } from "./coalesce-directory-syncs.js";

/** How long a move waits for others to share its directory fsyncs. */
export const MOVE_SYNC_LINGER_MS = 3;

/** The directory fsyncs of a spool's moves. */
export interface MoveSyncs {
  /** fsyncs a directory, shared with concurrent moves. @throws the fsync's error. */
  sync(directory: string): Promise<void>;
  /** Runs one move, counted as in flight while it runs. @throws what `run` throws. */
  counted<T>(run: () => Promise<T>): Promise<T>;
}

/**
 * Moves follow an API answer, not a log line: while several run at once (the transmitter's
 * workers), each directory fsync waits `lingerMs` so that they share it. A lone move (a
 * sequential caller) syncs at once; so do writes, which keep their own syncs (the follower's
 * latency). Never throws.
 */
export function createMoveSyncs(lingerMs = MOVE_SYNC_LINGER_MS): MoveSyncs {
  let inFlight = 0;
  const sync = coalesceDirectorySyncs({ lingerMs: () => (inFlight > 1 ? lingerMs : 0) });
  return {
    sync,
    async counted(run) {
      inFlight += 1;
      try {
        return await run();
      } finally {
        inFlight -= 1;
      }
    },
  };
}
