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

/** The per-test hooks {@link tempDirEach} registers with: vitest's `beforeEach` and `afterEach`. */
export interface EachTestHooks {
  beforeEach(hook: () => Promise<void>): void;
  afterEach(hook: () => Promise<void>): void;
}

/**
 * Gives every test a fresh {@link makeTempDir}`(prefix)` directory, removed after it (the
 * hooks go where the call stands, so an `afterEach` registered later runs before the removal).
 * `path` is the current test's directory.
 * @throws Error when `path` is read outside a test.
 */
export function tempDirEach(prefix: string, hooks: EachTestHooks): { readonly path: string } {
  let current: TempDir | undefined;
  hooks.beforeEach(async () => {
    current = await makeTempDir(prefix);
  });
  hooks.afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get path() {
      if (current === undefined) throw new Error(`no ${prefix} directory outside a test`);
      return current.path;
    },
  };
}
