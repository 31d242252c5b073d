import { dirname, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/**
 * chokidar reports at most one "change" per path every 50 ms and drops the others without
 * a trailing event, so the last appends of a burst would wait for the safety poll. Every
 * event therefore also (re)arms one more notification this long after it.
 */
const TRAILING_MS = 60;

/**
 * Watches the directory of `path` for events about `path` only (created, changed,
 * removed), so a log that does not exist yet is noticed when it appears.
 * @param onEvent called for every event, and once more shortly after the last one
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
  let trailing: NodeJS.Timeout | undefined;
  watcher.on("all", () => {
    onEvent();
    clearTimeout(trailing);
    trailing = setTimeout(onEvent, TRAILING_MS);
  });
  watcher.on("error", (error) => onError(error as Error));
  return {
    close: () => {
      clearTimeout(trailing);
      return watcher.close();
    },
  };
}
