import type { Logger } from "./logger.js";

/** Options of {@link startPeriodicSummary}. */
export interface PeriodicSummaryOptions {
  logger: Logger;
  /** The message of each summary line (e.g. `"follower counts"`). */
  msg: string;
  /** Current cumulative counts. */
  snapshot: () => Record<string, number>;
  /** Default 60 000 ms. */
  intervalMs?: number;
}

/** A running summary; `stop()` writes a last line when counts moved since the previous one. */
export interface PeriodicSummary {
  stop(): void;
}

/**
 * Logs cumulative counts every `intervalMs`, only when they changed, so a busy log produces
 * one line a minute instead of one per event and an idle one produces none. Never throws.
 */
export function startPeriodicSummary(options: PeriodicSummaryOptions): PeriodicSummary {
  let last = JSON.stringify(options.snapshot());
  const flush = (): void => {
    const counts = options.snapshot();
    const text = JSON.stringify(counts);
    if (text === last) return;
    last = text;
    options.logger.info(options.msg, counts);
  };
  const timer = setInterval(flush, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
