import { chmodSync, lstatSync, mkdirSync, type Stats } from "node:fs";
import { shellQuote } from "./shell-quote.js";
import { SpoolPermissionError } from "./spool-permission-error.js";
import type { SpoolPaths } from "./spool-types.js";

/**
 * Creates each missing spool directory with mode 0700 (parents too), then checks every one:
 * a real directory (not a symbolic link), owned by `owner`, no group or other bits.
 * @throws SpoolPermissionError naming the path, what was found and the command that fixes it.
 */
export function ensureSpoolDirectories(paths: SpoolPaths, owner: number): void {
  for (const path of [paths.parsed, paths.transmitted, paths.failed, paths.quarantine]) {
    let stats = lstatOrUndefined(path);
    if (stats === undefined) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      chmodSync(path, 0o700); // the umask may have narrowed it
      stats = lstatSync(path);
    }
    checkDirectory(path, stats, owner);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function checkDirectory(path: string, stats: Stats, owner: number): void {
  const quoted = shellQuote(path);
  if (stats.isSymbolicLink()) {
    throw new SpoolPermissionError(
      path,
      `${path} is a symbolic link; expected a directory (links are refused).`,
      `rm ${quoted} && mkdir -m 0700 ${quoted}`,
    );
  }
  if (!stats.isDirectory()) {
    throw new SpoolPermissionError(
      path,
      `${path} is not a directory.`,
      `mv ${quoted} ${shellQuote(`${path}.bak`)} && mkdir -m 0700 ${quoted}`,
    );
  }
  const mode = (stats.mode & 0o7777).toString(8).padStart(4, "0");
  if (stats.uid !== owner) {
    throw new SpoolPermissionError(
      path,
      `${path} is owned by uid ${stats.uid}; expected uid ${owner} (the user spoor runs as).`,
      `chown -R ${owner} ${quoted}`,
    );
  }
  if ((stats.mode & 0o077) !== 0) {
    throw new SpoolPermissionError(
      path,
      `${path} has mode ${mode}; expected 0700 (no group or other access).`,
      `chmod 0700 ${quoted}`,
    );
  }
}
