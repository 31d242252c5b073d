import { constants } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { join } from "node:path";
import { listSpoolDirectory } from "./list-spool-directory.js";
import { mapWithLimit } from "./map-with-limit.js";
import type { FailedFile, SpooledFile } from "./spool-types.js";
import { REASON_SUFFIX } from "./write-reason-file.js";

const MAX_REASON_BYTES = 4096;

/** An archive file with its size and last modification (the move time) in ms. */
export type ArchivedFile = SpooledFile & { size: number; mtimeMs: number };

/**
 * The entries of an archive directory (transmitted/, failed/) in chronological order, each
 * with its size and mtime; files that vanish meanwhile are left out.
 * @throws fs errors from readdir.
 */
export async function listArchive(directory: string): Promise<ArchivedFile[]> {
  const { entries } = await listSpoolDirectory(directory);
  const described = await mapWithLimit(entries, 16, async (file) => {
    const stats = await lstat(file.path).catch(() => undefined);
    return stats === undefined ? undefined : { ...file, size: stats.size, mtimeMs: stats.mtimeMs };
  });
  return described.filter((file) => file !== undefined);
}

/** failed/ with sizes and the one-line reason beside each file. @throws fs errors from readdir. */
export async function listFailedArchive(directory: string): Promise<FailedFile[]> {
  const files = await listArchive(directory);
  return mapWithLimit(files, 16, async ({ mtimeMs: _, ...file }) => {
    const reason = await readReason(join(directory, `${file.name}${REASON_SUFFIX}`));
    return reason === undefined ? file : { ...file, reason };
  });
}

/**
 * The first line of a `<name>.reason` file, read without following links (at most 4 KiB);
 * undefined when it cannot be opened. @throws read errors of an opened file.
 */
export async function readReason(path: string): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (handle === undefined) return undefined;
  try {
    const buffer = Buffer.alloc(MAX_REASON_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_REASON_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").split("\n")[0];
  } finally {
    await handle.close();
  }
}
