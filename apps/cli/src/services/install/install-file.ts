import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserFacingError } from "@spoor/config";
import type { PathOutcome } from "../steps/path-outcome.js";
import { type Ownership, repairHandle } from "./ensure-directory.js";

const MAX_COMPARED_BYTES = 16 * 1024 * 1024;

/**
 * Puts `content` at `path` with exactly `ownership`. Identical content only gets its owner
 * and mode repaired; anything else is written to a temp file in the same directory (created
 * with the final mode, fsynced) and renamed over the old file, so no reader ever sees a
 * partial file or a wider mode. The directory must exist.
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
  await writeReplacing(path, bytes, ownership);
  return { path, action: existing === undefined ? "created" : "written" };
}

async function openExisting(path: string): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") {
      throw new UserFacingError(
        `${path} is a symbolic link; spoor installs real files only.`,
        `remove ${path} and run spoor install again`,
      );
    }
    throw error;
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new UserFacingError(
      `${path} exists but is not a regular file.`,
      `move ${path} away and run spoor install again`,
    );
  }
  return handle;
}

async function sameContent(handle: FileHandle, bytes: Buffer): Promise<boolean> {
  const { size } = await handle.stat();
  if (size !== bytes.length || size > MAX_COMPARED_BYTES) return false;
  const current = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const { bytesRead } = await handle.read(current, offset, size - offset, offset);
    if (bytesRead === 0) return false;
    offset += bytesRead;
  }
  return current.equals(bytes);
}

async function writeReplacing(path: string, bytes: Buffer, ownership: Ownership): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString("hex")}`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(temp, flags, ownership.mode & 0o700);
  try {
    try {
      await handle.chown(ownership.uid, ownership.gid);
      await handle.chmod(ownership.mode);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
