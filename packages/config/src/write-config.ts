import { chmod, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { OWNED_DIRECTORY_MODE, writeFileAtomic } from "@spoor/safe-file";
import { parseConfigText } from "./parse-config-text.js";
import { serializeConfig } from "./serialize-config.js";
import type { ConfigFileContent } from "./spoor-config.js";
import { validateConfig } from "./validate-config.js";

/**
 * Writes `spoor.yml` atomically with mode 0600 from creation (`writeFileAtomic` of
 * @spoor/safe-file: a temp file in the same directory opened O_CREAT|O_EXCL|O_NOFOLLOW with
 * mode 0600, fsync, rename over `path`, directory fsync). There is never a moment when the
 * file (or a partial one) has a wider mode. A missing directory is created with mode 0700
 * (its parent must exist). The content is validated first, so a written file always loads.
 * @throws ConfigError when the content would not load; filesystem errors (ENOSPC, EACCES…)
 *   after removing the temp file.
 */
export async function writeConfig(path: string, content: ConfigFileContent): Promise<void> {
  const target = resolve(path);
  const text = serializeConfig(content);
  validateConfig(parseConfigText(text, target), { path: target });
  await ensureDirectory(dirname(target));
  await writeFileAtomic(target, text, { mode: 0o600 });
}

async function ensureDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { mode: OWNED_DIRECTORY_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  await chmod(directory, OWNED_DIRECTORY_MODE);
}
