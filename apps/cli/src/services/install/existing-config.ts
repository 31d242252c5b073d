import { constants } from "node:fs";
import { open } from "node:fs/promises";
import {
  ConfigError,
  MAX_CONFIG_BYTES,
  parseConfigText,
  type SpoorConfig,
  UserFacingError,
  validateConfig,
} from "@spoor/config";

/** A config file already in place: its raw document (unknown keys kept) and its meaning. */
export interface ExistingConfig {
  /** The parsed YAML, every scalar a string (the Perl-era keys included). */
  document: Record<string, unknown>;
  config: SpoorConfig;
}

/**
 * Reads the config at `path` without following a symbolic link (at most MAX_CONFIG_BYTES) and
 * validates it; owner and mode are not checked (the installer repairs them).
 * @returns undefined when there is no file.
 * @throws ConfigError when the file is unreadable, not YAML or holds a bad value (the message
 *   never holds the secret); UserFacingError when it is a symbolic link or not a file.
 */
export async function readExistingConfig(
  path: string,
  root: string,
): Promise<ExistingConfig | undefined> {
  const text = await readBounded(path);
  if (text === undefined) return undefined;
  const document = parseConfigText(text, path);
  const config = validateConfig(document, { path, root });
  return { document: document as Record<string, unknown>, config };
}

async function readBounded(path: string): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") {
      throw new UserFacingError(
        `${path} is a symbolic link; spoor reads its configuration from a real file only.`,
        `replace the link with the file it points to, then run spoor install again`,
      );
    }
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) {
      throw new UserFacingError(`${path} is not a regular file.`, `move ${path} away`);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_CONFIG_BYTES) {
      throw new ConfigError({ path, problem: `${path} is larger than ${MAX_CONFIG_BYTES} bytes.` });
    }
    return buffer.toString("utf8", 0, bytesRead);
  } finally {
    await handle.close();
  }
}
