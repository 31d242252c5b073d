import { basename, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/** A {@link watchPath} watcher. */
export interface PathWatcher {
  /** Starts over with a fresh chokidar watcher (the file at the path changed). Never throws. */
  rearm(): void;
  /** Stops watching; no event is reported after it resolves. */
  close(): Promise<void>;
}

/**
 * Watches `path` with chokidar for events (written, renamed, removed, created), so that a
 * log that does not exist yet, or was renamed away by a rotation, is noticed when it appears.
 *
 * chokidar watches the file itself while it exists: an append costs one inotify event and one
 * stat. While the file is missing, chokidar watches its directory instead, and re-reads that
 * directory after every event in it (in a busy log directory, once per write to any log there:
 * measured as half of all the agent's allocations under a 1,000 lines/s replay). A chokidar
 * watcher does not move between the two by itself: one on the file stays on the old inode
 * after a rename (chokidar drops a rename that comes within 5 ms of a write), one on the
 * directory stays costly after the file appears. So the watcher is replaced by a fresh one
 * whenever the name is renamed, removed or created, and whenever the caller, which looks at
 * the path itself, calls {@link PathWatcher.rearm}.
 *
 * chokidar's own "change" events come at most once per path every 50 ms (the rest are
 * dropped), so the unthrottled "raw" events for the file's name are what wake the follower.
 * @param onEvent called for every event about `path`
 * @param onError called when the watcher fails (the caller's safety poll goes on)
 */
export function watchPath(
  path: string,
  onEvent: () => void,
  onError: (error: Error) => void,
): PathWatcher {
  const file = resolve(path);
  const name = basename(file);
  let closed = false;
  let current: FSWatcher | undefined;
  let retired: Promise<void> = Promise.resolve();

  const arm = (): void => {
    // `atomic: false`: chokidar would otherwise hold a removal back for 100 ms and merge it
    // with a re-creation into one "change".
    const watcher = watch(file, { ignoreInitial: true, atomic: false });
    const isCurrent = (): boolean => watcher === current && !closed;
    watcher.on("all", (event: string) => {
      onEvent();
      if ((event === "add" || event === "unlink") && isCurrent()) rearm();
    });
    watcher.on("raw", (event: string, changed: string) => {
      if (basename(changed) !== name) return;
      onEvent();
      if (event === "rename" && isCurrent()) rearm();
    });
    watcher.on("error", (error) => onError(error as Error));
    current = watcher;
  };

  const rearm = (): void => {
    if (closed) return;
    const old = current;
    arm();
    retired = retired.then(() => old?.close()).catch(() => undefined);
    // Whatever happened between the two watchers is found by the follower's next look.
    onEvent();
  };

  arm();
  return {
    rearm,
    close: async () => {
      closed = true;
      await retired;
      await current?.close();
    },
  };
}
