/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** How long the condition may take (default 30 s: a bound on a hung test, never a pace). */
  timeoutMs?: number;
  /** Pause between two checks (default 20 ms). */
  intervalMs?: number;
  /** Called at the deadline: what the test saw last, added to the failure message. */
  describe?: () => string;
}

/**
 * Polls `check` until it returns something other than `undefined` or `false`, and resolves
 * with that value. A check that throws fails the wait at once with that error.
 * @throws Error `timed out after N ms waiting for <what> (<describe()>)` at the deadline.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const detail = options.describe === undefined ? "" : ` (${options.describe()})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
