import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { MAX_ENTRY_BYTES, SpoolFileRejectedError } from "@spoor/spool";

/**
 * Reads the JSON of a file in transmitted/, failed/ or quarantine/ (the spool's `read` only
 * serves parsed/) with the spool's precautions: no symbolic links, the opened descriptor must
 * be a regular file owned by `owner`, at most MAX_ENTRY_BYTES read.
 * @throws SpoolFileRejectedError (symlink, not-a-file, foreign-owner, too-large, bad-json);
 *   fs errors such as ENOENT unchanged.
 */
export async function readArchivedEntry(path: string, owner: number): Promise<unknown> {
  const handle = await open(
    path,
    constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ELOOP") throw new SpoolFileRejectedError(path, "symlink");
    throw error;
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new SpoolFileRejectedError(path, "not-a-file");
    if (stats.uid !== owner)
      throw new SpoolFileRejectedError(path, "foreign-owner", `uid ${stats.uid}`);
    const buffer = Buffer.alloc(MAX_ENTRY_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_ENTRY_BYTES) throw new SpoolFileRejectedError(path, "too-large");
    try {
      return JSON.parse(buffer.subarray(0, length).toString("utf8"));
    } catch {
      throw new SpoolFileRejectedError(path, "bad-json");
    }
  } finally {
    await handle.close();
  }
}
