import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh directory under the OS temp dir. */
export interface TempDir {
  path: string;
  /** Removes the directory and everything in it (a missing one is fine). */
  cleanup(): Promise<void>;
}

/**
 * Creates `<os tmpdir>/<prefix>XXXXXX` with `mode` (default 0700, the mode spoor wants of its
 * own directories; mkdtemp's umask does not apply to it).
 * @throws Error from mkdtemp/chmod (e.g. ENOSPC).
 */
export async function makeTempDir(prefix: string, mode = 0o700): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  await chmod(path, mode);
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}
