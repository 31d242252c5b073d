import { basename, dirname, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/**
 * Watches the directory of `path` for events about `path` only (created, changed,
 * removed), so a log that does not exist yet is noticed when it appears. chokidar's own
 * "change" events come at most once per path every 50 ms (the rest are dropped), so the
 * unthrottled "raw" events for the file's name are what wake the follower.
 * @param onEvent called for every event about `path`
 * @param onError called when the watcher fails (the caller's safety poll goes on)
 */
export function watchPath(
  path: string,
  onEvent: () => void,
  onError: (error: Error) => void,
): { close(): Promise<void> } {
  const file = resolve(path);
  const dir = dirname(file);
  const name = basename(file);
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    depth: 0,
    ignored: (candidate: string) => candidate !== dir && candidate !== file,
  });
  watcher.on("all", onEvent);
  watcher.on("raw", (_event: string, changed: string) => {
    if (basename(changed) === name) onEvent();
  });
  watcher.on("error", (error) => onError(error as Error));
  return { close: () => watcher.close() };
}
