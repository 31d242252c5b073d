import { writeSync } from "node:fs";

const MAX_AGAIN = 10_000;

/**
 * Writes all of `text` to `fd` synchronously, retrying partial writes and EAGAIN (a
 * non-blocking pipe that is full). Swallows every other error (EPIPE: nobody reads): a hook
 * must never fail because its diagnostics could not be written. Never throws.
 */
export function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  let again = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN" || ++again > MAX_AGAIN) return;
    }
  }
}
