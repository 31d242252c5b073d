import {
  ConfigError,
  MAX_CONFIG_BYTES,
  parseConfigText,
  type SpoorConfig,
  UserFacingError,
  validateConfig,
} from "@spoor/config";
import { openRegularFile, RefusedFileError, readBounded } from "@spoor/safe-file";

/** A config file already in place: its raw document (unknown keys kept) and its meaning. */
export interface ExistingConfig {
  /** The parsed YAML, every scalar a string (the Perl-era keys included). */
  document: Record<string, unknown>;
  config: SpoorConfig;
}

/**
 * Reads the config at `path` without following a symbolic link (`openRegularFile` and
 * `readBounded` of @spoor/safe-file, at most MAX_CONFIG_BYTES) and
 * validates it; owner and mode are not checked (the installer repairs them).
 * @returns undefined when there is no file.
 * @throws ConfigError when the file is unreadable, not YAML or holds a bad value (the message
 *   never holds the secret); UserFacingError when it is a symbolic link or not a file.
 */
export async function readExistingConfig(
  path: string,
  root: string,
): Promise<ExistingConfig | undefined> {
  const text = await readText(path);
  if (text === undefined) return undefined;
  const document = parseConfigText(text, path);
  const config = validateConfig(document, { path, root });
  return { document: document as Record<string, unknown>, config };
}

async function readText(path: string): Promise<string | undefined> {
  let opened: Awaited<ReturnType<typeof openRegularFile>>;
  try {
    opened = await openRegularFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (!(error instanceof RefusedFileError)) throw error;
    if (error.reason === "symlink") {
      throw new UserFacingError(
        `${path} is a symbolic link; spoor reads its configuration from a real file only.`,
        `replace the link with the file it points to, then run spoor install again`,
      );
    }
    throw new UserFacingError(`${path} is not a regular file.`, `move ${path} away`);
  }
  try {
    const bytes = await readBounded(opened.handle, MAX_CONFIG_BYTES);
    if (bytes === undefined) {
      throw new ConfigError({ path, problem: `${path} is larger than ${MAX_CONFIG_BYTES} bytes.` });
    }
    return bytes.toString("utf8");
  } finally {
    await opened.handle.close();
  }
}
