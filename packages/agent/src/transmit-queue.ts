import type { SpooledFile, SpoolStore } from "@spoor/spool";

/** The transmitter's in-memory view of parsed/: oldest first, each file handed out once. */
export interface TransmitQueue {
  /** Asks for a re-listing of parsed/ (runs when the queue is low; coalesced). */
  refresh(): void;
  /** The next file; `undefined` when `signal` aborts, or — in `once` mode — when everything
   *  listed at start has been handled. Waits while the queue is empty. */
  next(signal: AbortSignal): Promise<SpooledFile | undefined>;
  /** A file is handled (moved, quarantined or gone): forget it. */
  done(file: SpooledFile): void;
  /** A file that cannot be handled at all: never hand it out again in this process. */
  park(file: SpooledFile): void;
  /** A file must be sent again: put it back at the front. */
  retry(file: SpooledFile): void;
  /** Resolves when no listing is running. */
  idle(): Promise<void>;
}

/**
 * Creates a {@link TransmitQueue} over `spool.list()`. Listing runs only while fewer than
 * `lowWater` files are pending, so a burst of new files costs one directory read per drained
 * batch, not one per file. `once`: only the files of the first listing (and their retries).
 */
export function createTransmitQueue(
  spool: SpoolStore,
  options: { lowWater: number; once: boolean; onError: (error: unknown) => void },
): TransmitQueue {
  const pending: SpooledFile[] = [];
  const known = new Set<string>();
  let inFlight = 0;
  let dirty = true;
  let listing: Promise<void> | undefined;
  let listedOnce = false;
  const wakers = new Set<() => void>();
  const wake = (): void => {
    for (const waker of [...wakers]) waker();
  };

  const merge = (files: SpooledFile[]): void => {
    let added = false;
    for (const file of files) {
      if (known.has(file.name)) continue;
      known.add(file.name);
      pending.push(file);
      added = true;
    }
    if (added) pending.sort(chronological);
  };

  const maybeList = (): void => {
    if (listing !== undefined || !dirty || pending.length > options.lowWater) return;
    if (options.once && listedOnce) return;
    dirty = false;
    listing = spool
      .list()
      .then(merge, options.onError)
      .finally(() => {
        listing = undefined;
        listedOnce = true;
        maybeList();
        wake();
      });
  };

  const finished = (): boolean =>
    options.once && listedOnce && listing === undefined && pending.length === 0 && inFlight === 0;

  return {
    refresh() {
      dirty = true;
      maybeList();
    },
    async next(signal) {
      while (!signal.aborted) {
        const file = pending.shift();
        if (file !== undefined) {
          inFlight += 1;
          maybeList();
          return file;
        }
        if (finished()) return undefined;
        maybeList();
        await new Promise<void>((resolve) => {
          const done = (): void => {
            wakers.delete(done);
            signal.removeEventListener("abort", done);
            resolve();
          };
          wakers.add(done);
          signal.addEventListener("abort", done, { once: true });
        });
      }
      return undefined;
    },
    done(file) {
      inFlight -= 1;
      known.delete(file.name);
      wake();
    },
    park() {
      inFlight -= 1;
      wake();
    },
    retry(file) {
      inFlight -= 1;
      pending.unshift(file);
      wake();
    },
    idle: () => listing ?? Promise.resolve(),
  };
}

function chronological(a: SpooledFile, b: SpooledFile): number {
  return a.unixSeconds - b.unixSeconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
