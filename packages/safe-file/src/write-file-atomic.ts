import { randomBytes } from "node:crypto";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { syncDirectory } from "./sync-directory.js";
import { type WriteFileOptions, writeTempFile } from "./write-temp-file.js";

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions extends Omit<WriteFileOptions, "flush"> {
  /** The temp file's name for a target name and a random hex tag (default `.<name>.tmp-<tag>`). */
  tempName?: (name: string, tag: string) => string;
}

/**
 * Replaces `path` so that a crash leaves either the old or the new content, never a partial
 * file or one with a wider mode: a new temp file in the same directory (see writeTempFile:
 * exclusive, no-follow, `mode` (default 0600) from creation, fsync), rename over `path`,
 * then an fsync of the directory. The directory must exist.
 * @throws fs errors of the step that failed (ENOSPC, EACCES…), after removing the temp file.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const directory = dirname(path);
  const tag = randomBytes(6).toString("hex");
  const name = basename(path);
  const temp = join(directory, options.tempName?.(name, tag) ?? `.${name}.tmp-${tag}`);
  await writeTempFile(temp, data, options);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}
