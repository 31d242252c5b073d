import { RefusedFileError, readRegularFileSync } from "@spoor/safe-file";
import { MAX_ENTRY_BYTES } from "./spool-defaults.js";
import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";

/**
 * Reads a spool file without following a symbolic link, checking the opened descriptor: a
 * regular file owned by `owner`, at most 1 MiB (read bounded even if it grows meanwhile):
 * `readRegularFileSync` of @spoor/safe-file. The calls are synchronous: open, fstat, one
 * read and close of a small local file take a few microseconds each, while a round trip
 * through libuv's thread pool costs 40–60 µs of CPU on a busy 2-core machine.
 * @throws SpoolFileRejectedError (symlink, not-a-file, foreign-owner, too-large); fs errors
 *   such as ENOENT unchanged.
 */
export async function readSpoolFile(path: string, owner: number): Promise<Buffer> {
  try {
    return readRegularFileSync(path, { owner, maxBytes: MAX_ENTRY_BYTES });
  } catch (error) {
    if (!(error instanceof RefusedFileError)) throw error;
    const detail = error.reason === "foreign-owner" ? error.detail : undefined;
    throw new SpoolFileRejectedError(path, error.reason, detail);
  }
}
