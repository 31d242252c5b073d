import { chmodSync, lstatSync, mkdirSync } from "node:fs";
import { checkOwnership } from "./check-ownership.js";
import type { PermissionProblem } from "./permission-problem.js";

/**
 * The one mode rule of a directory spoor keeps its data in (spool, state, config): exactly
 * 0700. Group and other get nothing, and no set-id or sticky bit is accepted either: the
 * same exact comparison the original made and `loadConfig` always applied to these
 * directories.
 */
export const OWNED_DIRECTORY_MODE = 0o700;

/**
 * Checks that `path` is, itself (not through a symbolic link), a directory owned by `owner`
 * with mode exactly {@link OWNED_DIRECTORY_MODE}.
 * @param owner the uid it must belong to (default: the effective uid)
 * @returns undefined when it is; else the problem (`kinds` one of missing, symlink,
 *   wrong-type, owner, mode, or owner+mode), with the one message and the command that
 *   fixes it, e.g. `/var/lib/spoor/parsed has mode 0750; expected 0700.` and `chmod 0700 /var/lib/spoor/parsed`.
 * @throws only unexpected file-system errors (EACCES on a parent, EIO…).
 */
export function checkOwnedDirectory(path: string, owner?: number): PermissionProblem | undefined {
  return checkOwnership(path, { kind: "directory", mode: OWNED_DIRECTORY_MODE, uid: owner });
}

/**
 * Creates `path` when it is missing (missing parents too, each with mode 0700; the leaf is
 * then set to exactly 0700 whatever the umask), then checks it with {@link checkOwnedDirectory}.
 * An existing directory is never changed.
 * @returns undefined when the directory is fit for use, else what is wrong with it.
 * @throws file-system errors of the mkdir (EACCES, ENOSPC…) or of the check.
 */
export function ensureOwnedDirectory(path: string, owner?: number): PermissionProblem | undefined {
  if (!exists(path)) {
    mkdirSync(path, { recursive: true, mode: OWNED_DIRECTORY_MODE });
    chmodSync(path, OWNED_DIRECTORY_MODE); // the umask may have narrowed it
  }
  return checkOwnedDirectory(path, owner);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
