import { CleanupStack } from "@spoor/test-support";
import { afterEach } from "vitest";

/**
 * Returns `defer(fn)`: `fn` runs after the current test, in reverse order of registration,
 * whether the test passed or not (processes stopped, servers closed, temp roots removed).
 */
export function useCleanups(): (fn: () => Promise<unknown> | unknown) => void {
  const pending = new CleanupStack();
  afterEach(() => pending.run());
  return (fn) => {
    pending.push(fn);
  };
}
