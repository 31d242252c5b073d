/** Lets loops sleep until a deadline or until woken, without missing a wake in between. */
export interface WakeSignal {
  /** Increases on every wake; take it before looking for work. */
  readonly generation: number;
  wake(): void;
  /** Resolves after `ms`, or at once when woken since `generation` was read. */
  sleep(ms: number, generation: number): Promise<void>;
}

/** A {@link WakeSignal}. Never throws. */
export function createWakeSignal(): WakeSignal {
  let generation = 0;
  const sleepers = new Set<() => void>();
  return {
    get generation() {
      return generation;
    },
    wake() {
      generation += 1;
      for (const resolve of [...sleepers]) resolve();
    },
    sleep(ms, seen) {
      if (seen !== generation) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      });
    },
  };
}
