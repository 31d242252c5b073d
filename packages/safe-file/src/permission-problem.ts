/** Why a path failed a permission check. */
export type PermissionProblemKind = "missing" | "symlink" | "wrong-type" | "owner" | "mode";

/** A failed permission check: what was found, what was expected, and the command that fixes it. */
export interface PermissionProblem {
  path: string;
  kinds: PermissionProblemKind[];
  /** e.g. `mode 0644`, `owner uid 1000, mode 0755`, `a symbolic link`. */
  found: string;
  /** e.g. `mode 0600`, `owner uid 0, mode 0700`, `a directory`. */
  expected: string;
  /** One sentence naming the path, what was found and what is expected. */
  problem: string;
  /** The shell command (or edit) that fixes it. */
  fix: string;
}
