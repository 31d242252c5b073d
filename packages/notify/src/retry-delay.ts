/** Backoff settings: the first delay, doubling per failure up to `capMs`. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/**
 * The delay before the next attempt after `failures` failed attempts (1 or more): capped
 * exponential backoff with "equal jitter", a uniform pick between half and all of
 * `min(capMs, baseMs * 2^(failures-1))`, so retries of many rows spread out. `random` is
 * `Math.random` in use and fixed in tests. Never throws.
 */
export function retryDelay(
  failures: number,
  options: BackoffOptions,
  random = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 40);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
