import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { MAX_ENTRY_BYTES } from "./spool-defaults.js";
import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";

const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Reads a spool file without following a symbolic link, checking the opened descriptor: a
 * regular file owned by `owner`, at most 1 MiB (read bounded even if it grows meanwhile).
 * @throws SpoolFileRejectedError (symlink, not-a-file, foreign-owner, too-large); fs errors
 *   such as ENOENT unchanged.
 */
export async function readSpoolFile(path: string, owner: number): Promise<Buffer> {
  const handle = await openNoFollow(path);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new SpoolFileRejectedError(path, "not-a-file");
    if (stats.uid !== owner) {
      throw new SpoolFileRejectedError(path, "foreign-owner", `uid ${stats.uid}`);
    }
    if (stats.size > MAX_ENTRY_BYTES) throw new SpoolFileRejectedError(path, "too-large");
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_ENTRY_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_ENTRY_BYTES) throw new SpoolFileRejectedError(path, "too-large");
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

async function openNoFollow(path: string): Promise<FileHandle> {
  try {
    return await open(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new SpoolFileRejectedError(path, "symlink");
    if (code === "ENXIO" || code === "EISDIR") throw new SpoolFileRejectedError(path, "not-a-file");
    throw error;
  }
}
