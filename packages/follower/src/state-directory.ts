import { ensureOwnedDirectory, type PermissionProblemKind } from "@spoor/safe-file";
import { CheckpointError, type CheckpointProblem } from "./checkpoint-error.js";

const REASONS: Record<PermissionProblemKind, CheckpointProblem> = {
  missing: "not-a-directory",
  symlink: "symlink",
  "wrong-type": "not-a-directory",
  owner: "foreign-owner",
  mode: "unsafe-mode",
};

/**
 * Creates `dir` (mode 0700, parents too) if missing, then checks it with the owned-directory
 * check of @spoor/safe-file: a real directory owned by `owner`, mode exactly 0700.
 * @throws CheckpointError "symlink", "not-a-directory", "foreign-owner" or "unsafe-mode",
 *   with the check's message and fix.
 */
export async function checkStateDirectory(dir: string, owner: number): Promise<void> {
  const problem = ensureOwnedDirectory(dir, owner);
  if (problem === undefined) return;
  const reason = REASONS[problem.kinds[0] ?? "mode"];
  throw new CheckpointError(dir, reason, problem.fix, problem.problem);
}
