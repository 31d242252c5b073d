import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, unlink } from "node:fs/promises";
import { join } from "node:path";
import { TEMP_PREFIX } from "./spool-file-name.js";

const FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Writes `bytes` to a new `.tmp-<random>` file in `directory`, created with mode 0600 (the
 * umask can only narrow that; it is checked and restored to 0600), and fdatasyncs it.
 * @returns the temp file's path.
 * @throws fs errors (ENOSPC…) after closing and removing the temp file.
 */
export async function writeTempFile(directory: string, bytes: Uint8Array): Promise<string> {
  const path = join(directory, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
  const handle = await open(path, FLAGS, 0o600);
  try {
    const { mode } = await handle.stat();
    if ((mode & 0o7777) !== 0o600) await handle.chmod(0o600);
    await handle.writeFile(bytes);
    await handle.datasync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  return path;
}
