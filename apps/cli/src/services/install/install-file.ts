import type { FileHandle } from "node:fs/promises";
import { UserFacingError } from "@spoor/errors";
import { openRegularFile, RefusedFileError, readBounded, writeFileAtomic } from "@spoor/safe-file";
import type { PathOutcome } from "../steps/path-outcome.js";
import { type Ownership, repairHandle } from "./ensure-directory.js";

const MAX_COMPARED_BYTES = 16 * 1024 * 1024;

/**
 * Puts `content` at `path` with exactly `ownership`. Identical content only gets its owner
 * and mode repaired; anything else is written with `writeFileAtomic` of @spoor/safe-file (a
 * temp file in the same directory created with the final mode, fsynced, renamed over the old
 * file, directory fsynced), so no reader ever sees a partial file or a wider mode. The
 * directory must exist.
 * @throws UserFacingError when `path` is a symbolic link or not a regular file; filesystem
 *   errors (EACCES, ENOSPC…) after removing the temp file.
 */
export async function installFile(
  path: string,
  content: string | Buffer,
  ownership: Ownership,
): Promise<PathOutcome> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const existing = await openExisting(path);
  if (existing !== undefined) {
    try {
      if (await sameContent(existing, bytes)) {
        const detail = await repairHandle(existing, ownership);
        return detail === undefined
          ? { path, action: "unchanged" }
          : { path, action: "repaired", detail };
      }
    } finally {
      await existing.close();
    }
  }
  await writeFileAtomic(path, bytes, ownership);
  return { path, action: existing === undefined ? "created" : "written" };
}

async function openExisting(path: string): Promise<FileHandle | undefined> {
  try {
    return (await openRegularFile(path)).handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (!(error instanceof RefusedFileError)) throw error;
    if (error.reason === "symlink") {
      throw new UserFacingError(
        `${path} is a symbolic link; spoor installs real files only.`,
        `remove ${path} and run spoor install again`,
      );
    }
    throw new UserFacingError(
      `${path} exists but is not a regular file.`,
      `move ${path} away and run spoor install again`,
    );
  }
}

async function sameContent(handle: FileHandle, bytes: Buffer): Promise<boolean> {
  const { size } = await handle.stat();
  if (size !== bytes.length || size > MAX_COMPARED_BYTES) return false;
  return (await readBounded(handle, size))?.equals(bytes) ?? false;
}
