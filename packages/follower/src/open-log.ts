import { constants, promises as fsp, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import type { FileIdentity } from "./types.js";

/** The outcome of {@link openLog}. */
export type OpenedLog =
  | { kind: "open"; handle: FileHandle; stat: Stats; file: FileIdentity }
  | { kind: "missing" }
  | { kind: "refused"; reason: "symlink" | "not-a-file" | "foreign-owner" }
  | { kind: "error"; code: string; message: string };

/**
 * Opens a log read-only without following a symlink or blocking on a FIFO, then checks the
 * opened descriptor: a regular file owned by one of `owners`. Never throws.
 */
export async function openLog(path: string, owners: readonly number[]): Promise<OpenedLog> {
  let handle: FileHandle;
  try {
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = await handle.stat();
    const problem = !stat.isFile()
      ? "not-a-file"
      : owners.includes(stat.uid)
        ? undefined
        : "foreign-owner";
    if (problem === undefined) {
      return { kind: "open", handle, stat, file: { dev: stat.dev, ino: stat.ino } };
    }
    await handle.close();
    return { kind: "refused", reason: problem };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return failure(error);
  }
}

/**
 * The identity of what is at `path` now (not following a symlink), or undefined.
 * @throws the lstat error other than ENOENT (EACCES, ENOTDIR…)
 */
export async function identityAt(path: string): Promise<FileIdentity | undefined> {
  try {
    const stat = await fsp.lstat(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Whether two identities name the same file. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function failure(error: unknown): OpenedLog {
  const err = error as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return { kind: "missing" };
  if (err.code === "ELOOP") return { kind: "refused", reason: "symlink" };
  return { kind: "error", code: err.code ?? "UNKNOWN", message: err.message };
}
