import { unlink } from "node:fs/promises";
import { encodeEntry } from "./encode-entry.js";
import { linkEntryFile } from "./link-entry-file.js";
import { mapWithLimit } from "./map-with-limit.js";
import type { QueueCounter } from "./queue-counter.js";
import { unixSecondsFor } from "./spool-file-name.js";
import { SpoolFullError } from "./spool-full-error.js";
import type { SpoolEntry, SpooledFile } from "./spool-types.js";
import { writeTempFile } from "./write-temp-file.js";

const FILES_IN_FLIGHT = 8;

/** What writeEntries needs from the spool. */
export interface WriteContext {
  directory: string;
  owner: number;
  now: () => number;
  counter: QueueCounter;
  maxQueuedEntries: number;
  /** fsyncs a directory (shared by concurrent calls). */
  syncDirectory: (directory: string) => Promise<void>;
}

/**
 * The filesystem spool's write(): every entry validated first, then each written to a temp
 * file (0600, fdatasync) and linked into place, several at once; then one directory fsync
 * for the whole call (group commit), also when an entry failed.
 * @throws TypeError/RangeError for a bad entry (nothing written); SpoolFullError at the cap;
 *   fs errors such as code "ENOSPC" (temp files removed; entries linked before are complete).
 */
export async function writeEntries(
  context: WriteContext,
  entries: readonly SpoolEntry[],
): Promise<SpooledFile[]> {
  const encoded = entries.map((entry) => encodeEntry(entry));
  if (entries.length === 0) return [];
  const { count, full } = await context.counter.check(context.maxQueuedEntries);
  if (full) throw new SpoolFullError(count, context.maxQueuedEntries);
  const nowMs = context.now();
  let files: SpooledFile[];
  try {
    files = await mapWithLimit(entries, FILES_IN_FLIGHT, async (entry, index) => {
      const temp = await writeTempFile(context.directory, encoded[index]!);
      try {
        const unixSeconds = unixSecondsFor(entry, nowMs);
        const result = await linkEntryFile(
          context.directory,
          temp,
          entry,
          unixSeconds,
          context.owner,
        );
        if (result.added) context.counter.add(1);
        return result.file;
      } finally {
        await unlink(temp).catch(() => undefined);
      }
    });
  } catch (error) {
    await context.syncDirectory(context.directory).catch(() => undefined);
    throw error;
  }
  // Also when every entry was already queued: a concurrent call may not have synced yet.
  await context.syncDirectory(context.directory);
  return files;
}
