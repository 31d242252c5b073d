import { lstat, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { TEMP_PREFIX } from "./spool-file-name.js";

const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes `.tmp-*` files older than an hour from `directory`: left by a writer that crashed
 * (a live writer holds one for milliseconds). Never removes anything else.
 * @returns how many were removed. @throws fs errors from readdir.
 */
export async function removeStaleTemps(directory: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(directory)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const path = join(directory, name);
    const stats = await lstat(path).catch(() => undefined);
    if (stats === undefined || Date.now() - stats.mtimeMs < STALE_AFTER_MS) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}
