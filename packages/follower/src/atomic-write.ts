import { randomBytes } from "node:crypto";
import { constants, promises as fsp } from "node:fs";
import { join } from "node:path";

/** Suffix of the temporary files {@link writeFileAtomic} renames into place. */
export const TEMP_SUFFIX = ".tmp";

/**
 * Writes `data` to `dir/name` so that a crash leaves either the old or the new content:
 * a new temp file (mode 0600 from creation, never following a symlink) in the same
 * directory, fsync, rename over the target, fsync of the directory.
 * @throws the file-system error of the step that failed (the temp file is removed)
 */
export async function writeFileAtomic(dir: string, name: string, data: string): Promise<void> {
  const temp = join(dir, `${name}.${randomBytes(6).toString("hex")}${TEMP_SUFFIX}`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  try {
    const handle = await fsp.open(temp, flags, 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, join(dir, name));
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes a rename or create in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
