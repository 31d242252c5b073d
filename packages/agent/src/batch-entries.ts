import type { LineBatch } from "@spoor/follower";
import { type LogType, type ParsedEntry, scanInteresting } from "@spoor/parsers";
import { type SpoolEntry, stableId } from "@spoor/spool";

/** What {@link batchEntries} found in one batch. */
export interface BatchEntries {
  entries: SpoolEntry[];
  linesScanned: number;
  /** Interesting entries `accept` turned away. */
  rejected: number;
}

/**
 * The interesting entries of a batch of complete lines, each with its stable id
 * `stableId(type, dev, ino, lineFileOffset, lineBytes)` — the same line read again (after a
 * crash, from a rotated file) gets the same id; two lines never share one. `accept` filters
 * further (the session follower drops logins while login_log records them). Never throws on
 * line content.
 */
export function batchEntries(
  type: LogType,
  batch: LineBatch,
  options: { extraEvents: readonly string[]; accept?: (entry: ParsedEntry) => boolean },
): BatchEntries {
  const entries: SpoolEntry[] = [];
  let rejected = 0;
  const linesScanned = scanInteresting(
    type,
    batch.bytes,
    batch.start,
    batch.end,
    (entry, lineStart, lineEnd) => {
      if (options.accept !== undefined && !options.accept(entry)) {
        rejected += 1;
        return;
      }
      const lineFileOffset = batch.fileOffset + (lineStart - batch.start);
      const id = stableId(
        type,
        batch.file.dev,
        batch.file.ino,
        lineFileOffset,
        batch.bytes.subarray(lineStart, lineEnd),
      );
      entries.push({ ...entry, id });
    },
    { extraEvents: options.extraEvents },
  );
  return { entries, linesScanned, rejected };
}
