import { closeSync, readSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { openRegularFileSync, type RegularFileExpectation } from "./open-regular-file.js";
import { RefusedFileError } from "./refused-file-error.js";

/**
 * Reads an opened file from its start, at most `maxBytes` (bounded even if the file grows
 * while it is read).
 * @returns the bytes, or undefined when the file holds more than `maxBytes`.
 * @throws fs errors of the reads.
 */
export async function readBounded(
  handle: FileHandle,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length > maxBytes ? undefined : buffer.subarray(0, length);
}

/**
 * Opens (see openRegularFileSync), checks and reads a whole small file synchronously, at
 * most `maxBytes`. A file whose fstat size is over the limit is refused unread; one that
 * grows past it while read is refused too. The buffer is one byte larger than the size, so
 * a read that returns exactly the size has reached the end without a second read.
 * @throws RefusedFileError "symlink", "not-a-file", "foreign-owner" or "too-large";
 *   other fs errors unchanged (ENOENT…).
 */
export function readRegularFileSync(
  path: string,
  expected: RegularFileExpectation & { maxBytes: number },
): Buffer {
  const { descriptor, stats } = openRegularFileSync(path, expected);
  try {
    const { maxBytes } = expected;
    if (stats.size > maxBytes) throw new RefusedFileError(path, "too-large", `${stats.size} bytes`);
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === stats.size) break;
    }
    if (length > maxBytes) throw new RefusedFileError(path, "too-large", `over ${maxBytes} bytes`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}
