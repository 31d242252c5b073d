import { closeSync, constants, fsync, openSync } from "node:fs";
import { open } from "node:fs/promises";

/**
 * fsyncs a directory, making the names created, renamed or removed in it durable. The fsync
 * waits for the disk on libuv's thread pool; opening and closing the directory are quick
 * synchronous calls. Concurrent callers that want to share fsyncs put a group commit on top
 * (as the spool does).
 * @throws fs errors (ENOENT, ENOTDIR, EIO…).
 */
export async function syncDirectory(directory: string): Promise<void> {
  const descriptor = openSync(directory, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await new Promise<void>((resolve, reject) => {
      fsync(descriptor, (error) => (error ? reject(error) : resolve()));
    });
  } finally {
    closeSync(descriptor);
  }
}

/**
 * fsyncs the file at `path` (opened read-only, never through a symbolic link), e.g. a copy
 * just made with `copyFile`.
 * @throws fs errors (ELOOP for a symbolic link, ENOENT…).
 */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
