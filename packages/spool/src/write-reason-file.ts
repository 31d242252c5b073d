import { rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { sanitizeReason } from "./sanitize-reason.js";
import { writeTempFile } from "./write-temp-file.js";

/** The suffix of the file holding why its neighbour failed or was quarantined. */
export const REASON_SUFFIX = ".reason";

/**
 * Writes `<name>.reason` in `directory` (one line, mode 0600, replaced atomically). The
 * caller fsyncs the directory.
 * @throws fs errors, after removing the temp file.
 */
export async function writeReasonFile(
  directory: string,
  name: string,
  reason: string,
): Promise<void> {
  const temp = await writeTempFile(directory, Buffer.from(`${sanitizeReason(reason)}\n`, "utf8"));
  try {
    await rename(temp, join(directory, `${name}${REASON_SUFFIX}`));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
