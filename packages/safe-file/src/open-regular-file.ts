import { closeSync, constants, fstatSync, openSync, type Stats } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { RefusedFileError } from "./refused-file-error.js";

/**
 * Read-only, never through a symbolic link in the last component, and without blocking on
 * a FIFO or a device (O_NONBLOCK).
 */
export const NO_FOLLOW_READ = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** What an opened file must be. */
export interface RegularFileExpectation {
  /** The uid it must belong to; unchecked when omitted. */
  owner?: number;
}

/**
 * Opens `path` with {@link NO_FOLLOW_READ} and checks the opened descriptor (not the path,
 * which could be swapped meanwhile): a regular file, owned by `expected.owner` when given.
 * @returns the handle (the caller closes it) and its fstat.
 * @throws RefusedFileError "symlink", "not-a-file" (a directory, FIFO, socket or device) or
 *   "foreign-owner" (the handle is closed); other fs errors unchanged (ENOENT, EACCES…).
 */
export async function openRegularFile(
  path: string,
  expected: RegularFileExpectation = {},
): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(path, NO_FOLLOW_READ);
  } catch (error) {
    throw refusedOpen(path, error);
  }
  try {
    const stats = await handle.stat();
    checkOpened(path, stats, expected);
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * {@link openRegularFile} with synchronous calls, for hot paths where open, fstat and close
 * of a small local file (microseconds) cost less than a round trip through libuv's pool.
 * @returns the descriptor (the caller closes it) and its fstat.
 * @throws as openRegularFile.
 */
export function openRegularFileSync(
  path: string,
  expected: RegularFileExpectation = {},
): { descriptor: number; stats: Stats } {
  let descriptor: number;
  try {
    descriptor = openSync(path, NO_FOLLOW_READ);
  } catch (error) {
    throw refusedOpen(path, error);
  }
  try {
    const stats = fstatSync(descriptor);
    checkOpened(path, stats, expected);
    return { descriptor, stats };
  } catch (error) {
    closeSync(descriptor);
    throw error;
  }
}

function refusedOpen(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return new RefusedFileError(path, "symlink");
  // ENXIO: a socket or a FIFO without a writer; EISDIR cannot happen read-only, but is a non-file.
  if (code === "ENXIO" || code === "EISDIR") return new RefusedFileError(path, "not-a-file");
  return error;
}

function checkOpened(path: string, stats: Stats, expected: RegularFileExpectation): void {
  if (!stats.isFile()) throw new RefusedFileError(path, "not-a-file");
  if (expected.owner !== undefined && stats.uid !== expected.owner) {
    throw new RefusedFileError(path, "foreign-owner", `uid ${stats.uid}`);
  }
}
