import { constants } from "node:fs";
import { type FileHandle, lstat, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { UserFacingError } from "@spoor/config";
import type { PathOutcome } from "../steps/path-outcome.js";
import { describeRepair } from "./describe-repair.js";

/** The owner and mode a path must have. */
export interface Ownership {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * Makes `path` a directory with exactly `ownership`: creates it (and missing parents, 0755)
 * or repairs the owner and mode of an existing one through its opened descriptor, so a
 * symbolic link swapped in is never followed.
 * @throws UserFacingError when the path is a symbolic link or not a directory; filesystem
 *   errors (EACCES, ENOSPC…) as they come.
 */
export async function ensureDirectory(path: string, ownership: Ownership): Promise<PathOutcome> {
  let created = false;
  try {
    await mkdir(path, { mode: ownership.mode });
    created = true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      await mkdir(dirname(path), { recursive: true, mode: 0o755 });
      return ensureDirectory(path, ownership);
    }
    if (code !== "EEXIST") throw error;
  }
  const handle = await openDirectory(path);
  try {
    const detail = await repairHandle(handle, ownership);
    if (created) return { path, action: "created" };
    return detail === undefined
      ? { path, action: "unchanged" }
      : { path, action: "repaired", detail };
  } finally {
    await handle.close();
  }
}

/**
 * Sets the owner and mode of an opened file or directory when they differ.
 * @returns what was changed (`mode 0755 → 0700`), or undefined when nothing was.
 * @throws filesystem errors from fchown/fchmod.
 */
export async function repairHandle(
  handle: FileHandle,
  ownership: Ownership,
): Promise<string | undefined> {
  const stats = await handle.stat();
  const detail = describeRepair(stats, ownership);
  if (stats.uid !== ownership.uid || stats.gid !== ownership.gid) {
    await handle.chown(ownership.uid, ownership.gid);
  }
  // chmod after chown: chown clears set-id bits, and the mode must end exactly as asked.
  if ((stats.mode & 0o7777) !== ownership.mode || detail !== undefined) {
    await handle.chmod(ownership.mode);
  }
  return detail;
}

async function openDirectory(path: string): Promise<FileHandle> {
  try {
    return await open(path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW|O_DIRECTORY on a symbolic link fails with ENOTDIR on Linux, ELOOP elsewhere.
    if (code === "ELOOP" || (code === "ENOTDIR" && (await lstat(path)).isSymbolicLink())) {
      throw new UserFacingError(
        `${path} is a symbolic link; spoor keeps its files in real directories only.`,
        `move ${path} away and run spoor install again`,
      );
    }
    if (code === "ENOTDIR") {
      throw new UserFacingError(
        `${path} exists but is not a directory.`,
        `move ${path} away and run spoor install again`,
      );
    }
    throw error;
  }
}
