import { ensureOwnedDirectory } from "@spoor/safe-file";
import { SpoolPermissionError } from "./spool-permission-error.js";
import type { SpoolPaths } from "./spool-types.js";

/**
 * Creates each missing spool directory with mode 0700 (parents too), then checks every one
 * with the owned-directory check of @spoor/safe-file: a real directory (not a symbolic
 * link), owned by `owner`, mode exactly 0700.
 * @throws SpoolPermissionError naming the path, what was found and the command that fixes it.
 */
export function ensureSpoolDirectories(paths: SpoolPaths, owner: number): void {
  for (const path of [paths.parsed, paths.transmitted, paths.failed, paths.quarantine]) {
    const problem = ensureOwnedDirectory(path, owner);
    if (problem !== undefined) {
      throw new SpoolPermissionError(problem.path, problem.problem, problem.fix);
    }
  }
}
