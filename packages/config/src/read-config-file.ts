import { constants } from "node:fs";
import { type FileHandle, lstat, open } from "node:fs/promises";
import { checkStats } from "./check-ownership.js";
import { ConfigError } from "./config-error.js";
import { PermissionError } from "./permission-error.js";
import { shellQuote } from "./shell-quote.js";

/** The most `spoor.yml` may hold; a larger file is refused unread. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads the config file without following a symbolic link, checks the opened descriptor
 * (a regular file; with `checkPermissions`, owned by `uid` with mode 0600), and reads at
 * most {@link MAX_CONFIG_BYTES} as UTF-8.
 * @throws ConfigError when missing, unreadable, too large or not UTF-8;
 *   PermissionError when a symbolic link, not a regular file, or wrongly owned or moded.
 */
export async function readConfigFile(
  path: string,
  options: { checkPermissions: boolean; uid: number },
): Promise<string> {
  const handle = await openConfig(path);
  try {
    const stats = await handle.stat();
    // Without the permission check, only the type is checked: expect what was found.
    const expected = options.checkPermissions
      ? { mode: 0o600, uid: options.uid }
      : { mode: stats.mode & 0o7777, uid: stats.uid };
    const problem = checkStats(path, stats, { kind: "file", ...expected });
    if (problem !== undefined) throw new PermissionError(problem);
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) {
      throw new ConfigError({
        path,
        problem: `${path} is larger than ${MAX_CONFIG_BYTES} bytes; a spoor.yml is a few hundred.`,
      });
    }
    return decode(buffer.subarray(0, length), path);
  } finally {
    await handle.close();
  }
}

async function openConfig(path: string): Promise<FileHandle> {
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  try {
    return await open(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") {
      const stats = await lstat(path);
      throw new PermissionError(checkStats(path, stats, { kind: "file", mode: 0o600 })!);
    }
    if (code === "ENOENT") {
      throw new ConfigError({
        path,
        problem: `${path} does not exist.`,
        fix: `create it with "spoor install", or pass --config PATH`,
      });
    }
    throw new ConfigError({
      path,
      problem: `${path} cannot be read (${code ?? "error"}).`,
      fix: `check the permissions of ${shellQuote(path)} and its directories`,
    });
  }
}

function decode(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConfigError({ path, problem: `${path} is not valid UTF-8 text.` });
  }
}
