/** Runs tasks one after another, each started once the previous one settled. */
export type SerialQueue = <T>(task: () => Promise<T> | T) => Promise<T>;

/**
 * Builds a queue that lets one task at a time use a resource (the one SQLite connection,
 * whose transaction would otherwise be shared by every request awaiting inside it). A
 * failing task rejects its own promise only. Never throws.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(() => task());
    tail = run.catch(() => undefined);
    return run;
  };
}
