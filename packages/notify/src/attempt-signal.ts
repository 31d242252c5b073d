/** An abort signal for one attempt and the function that releases its timer. */
export interface AttemptSignal {
  signal: AbortSignal;
  timedOut(): boolean;
  done(): void;
}

/**
 * A signal that aborts after `timeoutMs` or when `outer` aborts, whichever comes first.
 * Call `done()` when the attempt ends. Never throws.
 */
export function attemptSignal(outer: AbortSignal, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  const onOuter = () => controller.abort();
  if (outer.aborted) controller.abort();
  else outer.addEventListener("abort", onOuter, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done() {
      clearTimeout(timer);
      outer.removeEventListener("abort", onOuter);
    },
  };
}
