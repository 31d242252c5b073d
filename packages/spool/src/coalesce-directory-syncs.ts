import { syncDirectory } from "./sync-directory.js";

interface DirectoryState {
  running?: Promise<void>;
  next?: Promise<void>;
}

/**
 * A directory fsync shared by concurrent callers (group commit): a call resolves after an
 * fsync that started after the call, so every name created before it is durable; calls that
 * arrive while one runs share the single next one.
 * @returns `sync(directory)`, which rejects with the fsync's error.
 */
export function coalesceDirectorySyncs(): (directory: string) => Promise<void> {
  const states = new Map<string, DirectoryState>();
  const sync = (directory: string): Promise<void> => {
    const state = states.get(directory) ?? {};
    states.set(directory, state);
    if (state.next !== undefined) return state.next;
    const running = state.running;
    if (running === undefined) {
      const started = syncDirectory(directory).finally(() => {
        state.running = undefined;
      });
      state.running = started;
      return started;
    }
    const next = running
      .catch(() => undefined)
      .then(() => {
        state.next = undefined;
        return sync(directory);
      });
    state.next = next;
    return next;
  };
  return sync;
}
