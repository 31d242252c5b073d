import type { Async } from "../store/server-store.js";

/**
 * The methods of a synchronous store as Promise-returning ones, each run through `run`
 * (the driver's queue outside a transaction; directly inside one). Never throws itself:
 * a method's error rejects its promise.
 */
export function wrapAsync<T extends object>(
  store: T,
  run: (call: () => unknown) => Promise<unknown>,
): Async<T> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] =
      typeof value === "function"
        ? (...args: unknown[]) => run(() => (value as (...a: unknown[]) => unknown)(...args))
        : value;
  }
  return wrapped as Async<T>;
}
