import { constants } from "node:fs";
import { open, unlink } from "node:fs/promises";

/** The owner, mode and flush of a file written by {@link writeTempFile}. */
export interface WriteFileOptions {
  /** The final mode (default 0600); the file never has a wider one, whatever the umask. */
  mode?: number;
  /** Owner and group to give it (fchown before fchmod, so set-id bits survive); default unchanged. */
  uid?: number;
  gid?: number;
  /** "full" (fsync, default) or "data" (fdatasync: the data and the size, not the times). */
  flush?: "full" | "data";
}

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Creates `path`, which must not exist (O_CREAT|O_EXCL|O_NOFOLLOW: never follows or reuses
 * anything), with at most the owner's bits of `mode` at creation, then sets owner and the
 * exact mode on the descriptor, writes `data` and flushes it to disk.
 * @throws fs errors (EEXIST, ENOSPC, EPERM…) after closing and removing the file.
 */
export async function writeTempFile(
  path: string,
  data: string | Uint8Array,
  options: WriteFileOptions = {},
): Promise<void> {
  const mode = options.mode ?? 0o600;
  const handle = await open(path, CREATE, mode & 0o700);
  try {
    if (options.uid !== undefined && options.gid !== undefined) {
      await handle.chown(options.uid, options.gid);
    }
    const { mode: created } = await handle.stat();
    // chmod after chown: chown clears set-id bits, and the mode must end exactly as asked.
    if ((created & 0o7777) !== mode || options.uid !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await (options.flush === "data" ? handle.datasync() : handle.sync());
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}
