import { closeSync, constants, fsync, openSync } from "node:fs";

/**
 * fsyncs a directory, making the names created or removed in it durable. The fsync waits for
 * the disk on libuv's thread pool; opening and closing the directory are quick synchronous
 * calls. @throws fs errors.
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
