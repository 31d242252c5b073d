import { type FSWatcher, lstatSync, watch } from "node:fs";
import { join } from "node:path";
import { parseSpoolFileName } from "@spoor/spool";
import type { Logger } from "./logger.js";

/** A running watcher; `close()` stops it. */
export interface QueueWatcher {
  close(): Promise<void>;
}

/**
 * Calls `onChange` when an entry file appears in `dir` (an inotify watch of the directory:
 * `rename` events naming a spool entry that exists; temp files, and the entries the
 * transmitter itself moves away, are ignored) and every `rescanMs` regardless, as a safety
 * net for missed events (NFS, an overflowed inotify queue, a replaced directory). The event
 * costs one `lstat`, never a directory scan (chokidar re-read the whole directory, with an
 * lstat per queued file, on every change). Watcher errors are logged, never thrown.
 */
export function watchQueue(
  dir: string,
  options: { onChange: () => void; rescanMs: number; logger: Logger },
): QueueWatcher {
  const warn = (error: unknown): void => options.logger.warn("spool watcher error", { error });
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, (event, name) => {
      if (event === "rename" && name !== null && appeared(dir, name)) options.onChange();
    });
    watcher.on("error", warn);
  } catch (error) {
    warn(error);
  }
  const timer = setInterval(options.onChange, options.rescanMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      watcher?.close();
    },
  };
}

function appeared(dir: string, name: string): boolean {
  if (parseSpoolFileName(name) === undefined) return false;
  try {
    lstatSync(join(dir, name));
    return true;
  } catch {
    return false;
  }
}
