import { watch } from "chokidar";
import type { Logger } from "./logger.js";

/** A running watcher; `close()` stops it. */
export interface QueueWatcher {
  close(): Promise<void>;
}

/**
 * Calls `onChange` when a file appears in `dir` (chokidar, top level only) and every
 * `rescanMs` regardless, as a safety net for missed events (NFS, overflowed inotify queues).
 * Watcher errors are logged, never thrown.
 */
export function watchQueue(
  dir: string,
  options: { onChange: () => void; rescanMs: number; logger: Logger },
): QueueWatcher {
  const watcher = watch(dir, { depth: 0, ignoreInitial: true, ignorePermissionErrors: true });
  watcher.on("add", () => options.onChange());
  watcher.on("error", (error) => options.logger.warn("spool watcher error", { error }));
  const timer = setInterval(options.onChange, options.rescanMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await watcher.close();
    },
  };
}
