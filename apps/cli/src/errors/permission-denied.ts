/** The errno codes that mean "this user may not do that here". */
const DENIED = new Set(["EACCES", "EPERM", "EROFS"]);

/**
 * The problem and fix for a file-system error the user can fix (EACCES, EPERM, EROFS):
 * the path and what was refused, and as the fix running as root or `--root DIR` (for a user
 * other than root), or the permissions or read-only mount to check (for root). Undefined for
 * any other error. Never throws.
 * @param uid the user the command ran as (default the effective uid).
 */
export function describePermissionDenied(
  error: unknown,
  uid: number = process.geteuid?.() ?? 0,
): { problem: string; fix: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined || !DENIED.has(code)) return undefined;
  const where = typeof path === "string" ? path : "a file";
  const action = syscall === undefined ? "" : ` (${syscall})`;
  if (code === "EROFS") {
    return {
      problem: `${where} is on a read-only file system${action}.`,
      fix: "run it where the file system is writable, or pass --root DIR to use another directory",
    };
  }
  const problem = `permission denied: ${where}${action}, ${code}.`;
  if (uid !== 0) {
    return {
      problem,
      fix: "run it as root (e.g. with sudo), or pass --root DIR to use a directory you own",
    };
  }
  return {
    problem,
    fix: `check the permissions of ${where} and its parent directories (an immutable attribute, a mount option or a security module may refuse root)`,
  };
}
