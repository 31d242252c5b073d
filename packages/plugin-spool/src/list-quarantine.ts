import { constants } from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseSpoolFileName, TEMP_PREFIX } from "@spoor/spool";

/** A file in quarantine/: any name (odd files end up here), with why it was set aside. */
export interface QuarantinedFile {
  name: string;
  path: string;
  type?: string;
  unixSeconds?: number;
  size: number;
  reason?: string;
}

const REASON_SUFFIX = ".reason";
const MAX_REASON_BYTES = 4096;

/**
 * Lists quarantine/ (the spool's `SpoolStore` has no listing for it): every file except
 * temp files and the `<name>.reason` files, which give each file its reason (first line,
 * read without following links, at most 4 KiB). Sorted by name. Files that vanish meanwhile
 * are left out. @throws fs errors of readdir (a missing directory lists as empty).
 */
export async function listQuarantine(directory: string): Promise<QuarantinedFile[]> {
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

async function readReason(path: string): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (handle === undefined) return undefined;
  try {
    const buffer = Buffer.alloc(MAX_REASON_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_REASON_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").split("\n")[0];
  } finally {
    await handle.close();
  }
}
