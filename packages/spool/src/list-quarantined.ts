import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { readReason } from "./archive-listing.js";
import { parseSpoolFileName, TEMP_PREFIX } from "./spool-file-name.js";
import type { QuarantinedFile } from "./spool-types.js";
import { REASON_SUFFIX } from "./write-reason-file.js";

/**
 * quarantine/ of the file spool (see `SpoolStore.listQuarantined`): every file but temp files
 * and reasons, by name, with size and reason. @throws fs errors of readdir other than ENOENT.
 */
export async function listQuarantined(directory: string): Promise<QuarantinedFile[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const files: QuarantinedFile[] = [];
  for (const name of names.sort()) {
    if (name.startsWith(TEMP_PREFIX) || name.endsWith(REASON_SUFFIX)) continue;
    const path = join(directory, name);
    const stats = await lstat(path).catch(() => undefined);
    if (stats === undefined) continue;
    const parsed = parseSpoolFileName(name);
    const reason = await readReason(`${path}${REASON_SUFFIX}`);
    files.push({
      name,
      path,
      ...(parsed === undefined ? {} : { type: parsed.type, unixSeconds: parsed.unixSeconds }),
      size: stats.size,
      ...(reason === undefined ? {} : { reason }),
    });
  }
  return files;
}
