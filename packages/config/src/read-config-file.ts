import type { Stats } from "node:fs";
import { type FileHandle, lstat } from "node:fs/promises";
import { shellQuote } from "@spoor/errors";
import {
  checkStats,
  openRegularFile,
  PermissionError,
  RefusedFileError,
  readBounded,
} from "@spoor/safe-file";
import { ConfigError } from "./config-error.js";

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
  const { handle, stats } = await openConfig(path, options.checkPermissions);
  try {
    // Without the permission check, only the type is checked: expect what was found.
    const expected = options.checkPermissions
      ? { mode: 0o600, uid: options.uid }
      : { mode: stats.mode & 0o7777, uid: stats.uid };
    const problem = checkStats(path, stats, { kind: "file", ...expected });
    if (problem !== undefined) throw new PermissionError(problem);
    const bytes = await readBounded(handle, MAX_CONFIG_BYTES);
    if (bytes === undefined) {
      throw new ConfigError({
        path,
        problem: `${path} is larger than ${MAX_CONFIG_BYTES} bytes; a spoor.yml is a few hundred.`,
      });
    }
    return decode(bytes, path);
  } finally {
    await handle.close();
  }
}

async function openConfig(
  path: string,
  checkPermissions: boolean,
): Promise<{ handle: FileHandle; stats: Stats }> {
  try {
    return await openRegularFile(path);
  } catch (error) {
    if (error instanceof RefusedFileError) {
      // a symbolic link, or not a regular file: the permission check names it and the fix
      const stats = await lstat(path);
      const keep = error.reason !== "symlink" && !checkPermissions;
      const mode = keep ? stats.mode & 0o7777 : 0o600;
      throw new PermissionError(checkStats(path, stats, { kind: "file", mode })!);
    }
    const code = (error as NodeJS.ErrnoException).code;
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
