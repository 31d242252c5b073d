import { getHeapStatistics } from "node:v8";

/** {@link startHeapTrim} settings. */
export interface HeapTrimOptions {
  /** How often the heap is looked at (default 5 s). */
  intervalMs?: number;
  /** Growth of the used heap since the last collection that calls for one (default 1 MiB). */
  growthBytes?: number;
}

/**
 * Keeps a busy daemon's heap near its live size: every `intervalMs`, a full garbage
 * collection when the used heap grew by `growthBytes` above the smallest size seen since the
 * last one. A daemon following
 * busy logs promotes a steady trickle of short-lived objects (stat results, promises, buffers)
 * to V8's old generation, and while allocation goes on V8 lets that garbage pile up far past
 * the live size (its memory reducer acts only once allocation stops): spoor-agent under a
 * 1,000 lines/s replay ran 40 s without a full collection while its old generation grew from
 * 6.7 to 11.2 MB (`--trace-gc`), all of it garbage. One full collection of its heap takes
 * 1–4 ms.
 *
 * It needs `gc()`, which node provides only when started with `--expose-gc` (the units do,
 * `DAEMON_NODE_FLAGS`); without it this does nothing and returns undefined. Never throws.
 * @returns a handle to stop the timer (which never keeps the process alive)
 */
export function startHeapTrim(options: HeapTrimOptions = {}): { stop(): void } | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== "function") return undefined;
  const intervalMs = options.intervalMs ?? 5_000;
  const growthBytes = options.growthBytes ?? 1024 * 1024;
  // The smallest used heap seen since the last trim (V8's own collections lower it too).
  let floor = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    const used = getHeapStatistics().used_heap_size;
    if (used - floor < growthBytes) {
      floor = Math.min(floor, used);
      return;
    }
    (gc as () => void)();
    floor = getHeapStatistics().used_heap_size;
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
