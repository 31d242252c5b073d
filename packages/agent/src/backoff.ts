/** Parameters of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Ceiling of the first attempt's delay, in ms. */
  baseMs: number;
  /** Largest ceiling, in ms. */
  capMs: number;
  /** Uniform [0, 1) source, for tests (default `Math.random`). */
  random?: () => number;
}

/**
 * Capped exponential backoff with full jitter: a uniform delay in
 * `[0, min(capMs, baseMs * 2^attempt))`, attempt counting from 0. Full jitter spreads many
 * agents that failed together over the whole window. Never throws.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
