import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { chmod, mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseConfigText } from "./parse-config-text.js";
import { serializeConfig } from "./serialize-config.js";
import type { ConfigFileContent } from "./spoor-config.js";
import { validateConfig } from "./validate-config.js";

/**
 * Writes `spoor.yml` atomically with mode 0600 from creation: a temp file in the same
 * directory opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 0600, fsync, rename over `path`,
 * directory fsync. There is never a moment when the file (or a partial one) has a wider mode.
 * A missing directory is created with mode 0700 (its parent must exist). The content is
 * validated first, so a written file always loads.
 * @throws ConfigError when the content would not load; filesystem errors (ENOSPC, EACCES…)
 *   after removing the temp file.
 */
export async function writeConfig(path: string, content: ConfigFileContent): Promise<void> {
  const target = resolve(path);
  const text = serializeConfig(content);
  validateConfig(parseConfigText(text, target), { path: target });
  const directory = dirname(target);
  await ensureDirectory(directory);
  const temp = join(directory, `.${basename(target)}.tmp-${randomBytes(6).toString("hex")}`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(temp, flags, 0o600);
  try {
    try {
      await handle.chmod(0o600); // the umask may have narrowed it; never wider than 0600
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

async function ensureDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  await chmod(directory, 0o700);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
