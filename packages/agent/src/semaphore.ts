/** A counting semaphore: at most `permits` holders at once. */
export interface Semaphore {
  /** Resolves `true` with a permit, or `false` if `signal` aborted first. */
  acquire(signal: AbortSignal): Promise<boolean>;
  /** Returns a permit. */
  release(): void;
}

/** Creates a {@link Semaphore}, first come first served. Never throws. */
export function createSemaphore(permits: number): Semaphore {
  let free = permits;
  const waiting: Array<() => void> = [];
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(false);
      if (free > 0) {
        free -= 1;
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const grant = (): void => {
          signal.removeEventListener("abort", cancel);
          resolve(true);
        };
        const cancel = (): void => {
          const index = waiting.indexOf(grant);
          if (index !== -1) waiting.splice(index, 1);
          resolve(false);
        };
        waiting.push(grant);
        signal.addEventListener("abort", cancel, { once: true });
      });
    },
    release() {
      const next = waiting.shift();
      if (next === undefined) free += 1;
      else next();
    },
  };
}
