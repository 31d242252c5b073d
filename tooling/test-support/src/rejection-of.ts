/**
 * Awaits `promise`, expecting it to reject with an instance of `type`, and returns that error.
 * @throws Error when the promise resolves, or rejects with something else (attached as cause).
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) {
    throw new Error(`expected a rejection with ${type.name}, but it resolved`);
  }
  if (!(outcome.error instanceof type)) {
    throw new Error(`expected a rejection with ${type.name}, got ${String(outcome.error)}`, {
      cause: outcome.error,
    });
  }
  return outcome.error;
}

/**
 * Calls `run`, expecting it to throw an instance of `type`, and returns that error.
 * @throws Error when `run` returns, or throws something else (attached as cause).
 */
export function thrownBy<E extends Error>(
  run: () => unknown,
  type: abstract new (...args: never[]) => E,
): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`expected ${type.name} to be thrown, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${type.name} to be thrown, but it returned`);
}
