import { closeSync, constants, lstatSync, openSync, readSync } from "node:fs";
import { MAX_ENTRY_BYTES } from "./spool-defaults.js";

const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Whether `target` already holds the file at `source`: the same inode (a move interrupted
 * between link and unlink), or — with `compareContent` — a regular file of the same owner with
 * the same bytes (at most 1 MiB; e.g. an entry sent again after a crash and archived twice).
 * Anything unreadable, odd or different is not the same. Never throws.
 */
export function isSameFile(source: string, target: string, compareContent: boolean): boolean {
  try {
    const a = lstatSync(source);
    const b = lstatSync(target);
    if (a.dev === b.dev && a.ino === b.ino) return true;
    if (!compareContent || !a.isFile() || !b.isFile()) return false;
    if (a.uid !== b.uid || a.size !== b.size || a.size > MAX_ENTRY_BYTES) return false;
    return readBounded(source, a.size).equals(readBounded(target, b.size));
  } catch {
    return false;
  }
}

/** Up to `size + 1` bytes (a file that grew since lstat then differs). @throws fs errors */
function readBounded(path: string, size: number): Buffer {
  const descriptor = openSync(path, FLAGS);
  try {
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, length);
      length += bytesRead;
      if (bytesRead === 0 || length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}
