import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/**
 * A fresh temp directory for each test of the calling file (removed after it), with the
 * process umask restored after each test too.
 * @returns a function giving the current test's directory.
 */
export function useTempDir(prefix: string): () => string {
  let dir = "";
  let umask = 0;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    umask = process.umask();
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
