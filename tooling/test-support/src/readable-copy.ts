import { chmod, copyFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { makeTempDir, type TempDir } from "./temp-dir.js";
import { refuseUntraversableParents } from "./traversable.js";

/** A copy of a file in a fresh directory that every user can traverse and read. */
export interface ReadableCopy extends TempDir {
  /** The copy: mode 0644 in a 0755 directory. */
  file: string;
}

/**
 * Copies `file` into a fresh 0755 temp directory as a 0644 file, so that another user
 * (`nobody`) can run it even when the checkout sits under a 0700 directory such as /root.
 * `file` must be self-contained (a bundle): what it imports relative to itself is not copied.
 * @throws Error naming the first parent of the copy that other users cannot traverse (a
 *   private TMPDIR), or the copy's error (ENOENT: `file` not built).
 */
export async function copyReadableByOthers(file: string): Promise<ReadableCopy> {
  const dir = await makeTempDir("spoor-readable-", 0o755);
  const copy = join(dir.path, basename(file));
  await copyFile(file, copy);
  await chmod(copy, 0o644);
  try {
    await refuseUntraversableParents(dir.path);
  } catch (error) {
    await dir.cleanup();
    throw error;
  }
  return { ...dir, file: copy };
}
