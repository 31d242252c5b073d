import { dirname, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/**
 * Watches the directory of `path` for events about `path` only (created, changed,
 * removed), so a log that does not exist yet is noticed when it appears.
 * @param onEvent called for every event
 * @param onError called when the watcher fails (the caller's safety poll goes on)
 */
export function watchPath(
  path: string,
  onEvent: () => void,
  onError: (error: Error) => void,
): { close(): Promise<void> } {
  const file = resolve(path);
  const dir = dirname(file);
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    depth: 0,
    ignored: (candidate: string) => candidate !== dir && candidate !== file,
  });
  watcher.on("all", onEvent);
  watcher.on("error", (error) => onError(error as Error));
  return { close: () => watcher.close() };
}
