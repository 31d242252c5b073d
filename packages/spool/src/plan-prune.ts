/** A transmitted file, as retention sees it. */
export interface RetainedFile {
  name: string;
  /** When it was moved into transmitted/. */
  movedAtMs: number;
  size: number;
}

const DAY_MS = 86_400_000;

/**
 * The files retention removes, oldest first (by move time, then name): every file older than
 * `maxAgeDays`, then more of the oldest until the rest fit in `maxBytes`. Never throws.
 */
export function planPrune<File extends RetainedFile>(
  files: readonly File[],
  retention: { maxAgeDays: number; maxBytes: number },
  nowMs: number,
): File[] {
  const oldestFirst = [...files].sort(
    (a, b) => a.movedAtMs - b.movedAtMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  let total = oldestFirst.reduce((sum, file) => sum + file.size, 0);
  const removed: File[] = [];
  for (const file of oldestFirst) {
    const tooOld = nowMs - file.movedAtMs > retention.maxAgeDays * DAY_MS;
    if (!tooOld && total <= retention.maxBytes) break;
    removed.push(file);
    total -= file.size;
  }
  return removed;
}
