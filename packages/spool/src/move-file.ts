import { constants, linkSync, unlinkSync } from "node:fs";
import { copyFile, lstat, rename } from "node:fs/promises";
import { join } from "node:path";
import { syncFile } from "@spoor/safe-file";
import { alternativeName } from "./alternative-name.js";
import { isSameFile } from "./is-same-file.js";

const MAX_ATTEMPTS = 1000;

/** How {@link moveFile} treats a target name that is taken. */
export interface MoveOptions {
  /** Also count a regular file with identical bytes as this file already moved (archives). */
  sameContentIsDone?: boolean;
}

/**
 * Moves `name` from one directory to another without ever overwriting: hard-link under the
 * first free name (see alternativeName), fsync the target directory, unlink the source, fsync
 * the source directory. A crash in between leaves the file in both places, never in neither;
 * moving it again is idempotent: a taken name that holds this very file (same inode, or with
 * `sameContentIsDone` the same bytes) counts as done, and only the source is removed.
 * Across filesystems the file is copied (no-clobber) instead; a directory is renamed.
 * link and unlink are synchronous (microseconds on a local disk, against a thread-pool round
 * trip); the directory fsyncs are not, and are shared by concurrent moves (`syncDirectory`).
 * @returns the name it has in `toDirectory`.
 * @throws fs errors, e.g. code "ENOENT" when the source is gone.
 */
export async function moveFile(
  fromDirectory: string,
  name: string,
  toDirectory: string,
  syncDirectory: (directory: string) => Promise<void>,
  options: MoveOptions = {},
): Promise<string> {
  const source = join(fromDirectory, name);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const finalName = alternativeName(name, attempt);
    const target = join(toDirectory, finalName);
    try {
      await placeAt(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!isSameFile(source, target, options.sameContentIsDone === true)) continue;
    }
    await syncDirectory(toDirectory);
    try {
      unlinkSync(source);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EISDIR") throw error;
    }
    await syncDirectory(fromDirectory);
    return finalName;
  }
  throw Object.assign(new Error(`no free name for ${name} in ${toDirectory}`), { code: "EEXIST" });
}

async function placeAt(source: string, target: string): Promise<void> {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EXDEV") {
      await copyFile(source, target, constants.COPYFILE_EXCL);
      await syncFile(target);
      return;
    }
    if (code !== "EPERM" || !(await lstat(source)).isDirectory()) throw error;
    if (await exists(target)) throw Object.assign(new Error("target exists"), { code: "EEXIST" });
    await rename(source, target);
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
