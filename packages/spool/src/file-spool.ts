import { lutimesSync } from "node:fs";
import { rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import { listArchive, listFailedArchive } from "./archive-listing.js";
import { checkEntryName, checkFileName } from "./check-file-name.js";
import { coalesceDirectorySyncs } from "./coalesce-directory-syncs.js";
import { decodeArchived } from "./decode-archived.js";
import { decodeEntry } from "./decode-entry.js";
import { ensureSpoolDirectories } from "./ensure-spool-directories.js";
import { listQuarantined } from "./list-quarantined.js";
import { listSpoolDirectory } from "./list-spool-directory.js";
import { moveFile } from "./move-file.js";
import { createMoveSyncs } from "./move-syncs.js";
import { planPrune } from "./plan-prune.js";
import { QueueCounter } from "./queue-counter.js";
import { readSpoolFile } from "./read-spool-file.js";
import { removeStaleTemps } from "./remove-stale-temps.js";
import { DEFAULT_MAX_QUEUED_ENTRIES, DEFAULT_RETENTION } from "./spool-defaults.js";
import { parseSpoolFileName } from "./spool-file-name.js";
import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";
import type { SpoolOptions, SpoolStore } from "./spool-types.js";
import { writeEntries } from "./write-entries.js";
import { REASON_SUFFIX, writeReasonFile } from "./write-reason-file.js";

/**
 * The filesystem spool (see SpoolStore). Creates missing directories with mode 0700 and checks
 * all four: real directories, owned by `owner`, no group/other bits.
 * @throws SpoolPermissionError (message + fix) for a symlinked, foreign-owned, open or
 *   non-directory spool directory; fs errors (EACCES…) when one cannot be created.
 */
export function createFileSpool(options: SpoolOptions): SpoolStore {
  const { paths } = options;
  const owner = options.owner ?? process.geteuid?.() ?? 0;
  const now = options.now ?? Date.now;
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  ensureSpoolDirectories(paths, owner);
  const counter = new QueueCounter(
    async () => (await listSpoolDirectory(paths.parsed)).entries.length,
  );
  const syncDirectory = coalesceDirectorySyncs();
  const { sync: syncMoves, counted } = createMoveSyncs();
  const writeContext = {
    directory: paths.parsed,
    owner,
    now,
    counter,
    maxQueuedEntries: options.maxQueuedEntries ?? DEFAULT_MAX_QUEUED_ENTRIES,
    syncDirectory,
  };
  const archives = {
    transmitted: paths.transmitted,
    failed: paths.failed,
    quarantine: paths.quarantine,
  };

  // sameContentIsDone: in transmitted/ and failed/ an identical file under the name means the
  // entry is already there (quarantine/ keeps every odd file it is given).
  const moveOut = (name: string, to: string, reason?: string, sameContentIsDone = true) =>
    counted(async () => {
      checkFileName(name);
      const finalName = await moveFile(paths.parsed, name, to, syncMoves, { sameContentIsDone });
      if (parseSpoolFileName(name) !== undefined) counter.add(-1);
      if (reason !== undefined) {
        await writeReasonFile(to, finalName, reason);
        await syncMoves(to);
      }
    });

  return {
    write: (entries) => writeEntries(writeContext, entries),
    async list() {
      const { entries } = await listSpoolDirectory(paths.parsed);
      counter.set(entries.length);
      return entries;
    },
    listTransmitted: async () =>
      (await listArchive(paths.transmitted)).map(({ mtimeMs: _, ...file }) => file),
    listFailed: () => listFailedArchive(paths.failed),
    async listStrays() {
      const { strays, reasons } = await listSpoolDirectory(paths.parsed);
      const reasonStrays = [...reasons].map((name) => ({ name, path: join(paths.parsed, name) }));
      return [...strays, ...reasonStrays].sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    listQuarantined: () => listQuarantined(paths.quarantine),
    async read(file) {
      checkFileName(file.name);
      const path = join(paths.parsed, file.name);
      const parsed = parseSpoolFileName(file.name);
      if (parsed === undefined) throw new SpoolFileRejectedError(path, "bad-name");
      return decodeEntry(await readSpoolFile(path, owner), file.name, path, parsed.type);
    },
    async readArchived(which, name) {
      checkFileName(name);
      const path = join(archives[which], name);
      return decodeArchived(await readSpoolFile(path, owner), path);
    },
    async markTransmitted(file) {
      checkFileName(file.name);
      // The move time, which retention counts from (the link's ctime would not follow `now`).
      // Synchronous: one quick syscall instead of a thread-pool round trip.
      const seconds = now() / 1000;
      lutimesSync(join(paths.parsed, file.name), seconds, seconds);
      await moveOut(file.name, paths.transmitted);
    },
    async markFailed(file, reason) {
      await moveOut(file.name, paths.failed, reason);
    },
    async quarantine(file, reason) {
      await moveOut(file.name, paths.quarantine, reason, false);
    },
    async requeue(name) {
      checkEntryName(name);
      const finalName = await counted(async () => {
        const moved = await moveFile(paths.failed, name, paths.parsed, syncMoves);
        await unlink(join(paths.failed, `${name}${REASON_SUFFIX}`)).catch(() => undefined);
        await syncMoves(paths.failed);
        return moved;
      });
      counter.add(1);
      const { type, unixSeconds } = parseSpoolFileName(finalName)!;
      return { name: finalName, path: join(paths.parsed, finalName), type, unixSeconds };
    },
    async purge(which) {
      const directory = archives[which];
      const { entries, strays, reasons } = await listSpoolDirectory(directory);
      const files = [...entries, ...strays];
      for (const file of files) await rm(file.path, { recursive: true, force: true });
      for (const name of reasons) await rm(join(directory, name), { force: true });
      await syncDirectory(directory);
      return which === "quarantine" ? files.length : entries.length;
    },
    async prune() {
      const files = await listArchive(paths.transmitted);
      const retained = files.map((file) => ({ ...file, movedAtMs: file.mtimeMs }));
      let bytesFreed = 0;
      let removed = 0;
      for (const file of planPrune(retained, retention, now())) {
        if (
          await unlink(file.path).then(
            () => true,
            () => false,
          )
        ) {
          removed++;
          bytesFreed += file.size;
        }
      }
      if (removed > 0) await syncDirectory(paths.transmitted);
      for (const directory of [paths.parsed, ...Object.values(archives)]) {
        await removeStaleTemps(directory);
      }
      return { removed, bytesFreed };
    },
    async stats() {
      const parsed = await listSpoolDirectory(paths.parsed);
      counter.set(parsed.entries.length);
      const transmitted = await listSpoolDirectory(paths.transmitted);
      const failed = await listSpoolDirectory(paths.failed);
      const quarantined = await listSpoolDirectory(paths.quarantine);
      const stats = {
        queued: parsed.entries.length,
        transmitted: transmitted.entries.length,
        failed: failed.entries.length,
        quarantined: quarantined.entries.length + quarantined.strays.length,
        strays: parsed.strays.length + parsed.reasons.size,
      };
      const oldest = parsed.entries[0];
      return oldest === undefined ? stats : { ...stats, oldestQueuedUnix: oldest.unixSeconds };
    },
  };
}
