import { syncDirectory } from "@spoor/safe-file";

interface DirectoryState {
  running?: Promise<void>;
  next?: Promise<void>;
}

/** Options of {@link coalesceDirectorySyncs}. */
export interface CoalesceOptions {
  /** How long to wait before starting an fsync, so that more calls share it; asked when a
   *  call finds none pending (default: never wait). */
  lingerMs?: () => number;
}

/**
 * A directory fsync shared by concurrent callers (group commit): a call resolves after an
 * fsync that started after the call, so every name created before it is durable; calls that
 * arrive while one runs share the single next one. When `lingerMs()` says so, an fsync starts
 * that long after the first call that needs it (and after the running one), and every call
 * meanwhile shares it: fewer fsyncs for a stream of moves, at the price of that latency.
 * @returns `sync(directory)`, which rejects with the fsync's error.
 */
export function coalesceDirectorySyncs(
  options: CoalesceOptions = {},
): (directory: string) => Promise<void> {
  const lingerMs = options.lingerMs ?? (() => 0);
  const states = new Map<string, DirectoryState>();
  const start = (state: DirectoryState, directory: string): Promise<void> => {
    const started = syncDirectory(directory).finally(() => {
      if (state.running === started) state.running = undefined;
    });
    state.running = started;
    return started;
  };
  return (directory) => {
    const state = states.get(directory) ?? {};
    states.set(directory, state);
    if (state.next !== undefined) return state.next;
    const linger = lingerMs();
    if (state.running === undefined && linger <= 0) return start(state, directory);
    const waits: Array<Promise<unknown>> = [];
    if (state.running !== undefined) waits.push(state.running.catch(() => undefined));
    if (linger > 0) waits.push(new Promise((resolve) => setTimeout(resolve, linger)));
    const next = Promise.all(waits).then(() => {
      state.next = undefined;
      return start(state, directory);
    });
    state.next = next;
    return next;
  };
}
