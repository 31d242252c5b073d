import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { writeTempFile as writeNewFile } from "@spoor/safe-file";
import { TEMP_PREFIX } from "./spool-file-name.js";

/**
 * Writes `bytes` to a new `.tmp-<random>` file in `directory`, mode 0600 whatever the umask,
 * and fdatasyncs it (`writeTempFile` of @spoor/safe-file).
 * @returns the temp file's path.
 * @throws fs errors (ENOSPC…) after closing and removing the temp file.
 */
export async function writeTempFile(directory: string, bytes: Uint8Array): Promise<string> {
  const path = join(directory, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
  await writeNewFile(path, bytes, { mode: 0o600, flush: "data" });
  return path;
}
