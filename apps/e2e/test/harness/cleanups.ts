import { afterEach } from "vitest";

/**
 * Returns `defer(fn)`: `fn` runs after the current test, in reverse order of registration,
 * whether the test passed or not (processes stopped, servers closed, temp roots removed).
 */
export function useCleanups(): (fn: () => Promise<unknown> | unknown) => void {
  const pending: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const fn of pending.splice(0).reverse()) await fn();
  });
  return (fn) => {
    pending.push(fn);
  };
}
