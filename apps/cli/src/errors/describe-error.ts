import { describeError as sortError } from "@spoor/errors";
import { describePermissionDenied } from "./permission-denied.js";

/** What to print on stderr for a failed command, and the exit code. */
export interface ErrorReport {
  text: string;
  exitCode: number;
}

/** Facts about the running CLI that go into a bug report. */
export interface BugContext {
  version: string;
  bugsUrl?: string;
}

/**
 * Sorts an error that ended a command with `describeError` of @spoor/errors (architecture
 * habits): user-fixable (problem + fix hint, exit 1, no stack), usage (one line, exit 2),
 * silent (nothing printed, its own exit code) and bug (stack and where to report it,
 * exit 1); a file-system refusal (EACCES, EPERM, EROFS) is user-fixable too (the path, and
 * run as root or --root). Returns `undefined` for oclif's own errors (exit requests, flag parsing), which
 * oclif prints. Never throws.
 */
export function describeError(error: unknown, context: BugContext): ErrorReport | undefined {
  if (error instanceof Error && "oclif" in error) return undefined;
  const hasFix = typeof (error as { fix?: unknown } | null)?.fix === "string";
  const denied = hasFix ? undefined : describePermissionDenied(error);
  if (denied !== undefined) {
    return { text: `Error: ${denied.problem}\nFix: ${denied.fix}\n`, exitCode: 1 };
  }
  const { text, exitCode } = sortError(error, {
    program: "spoor",
    version: context.version,
    bugsUrl: context.bugsUrl,
  });
  return { text, exitCode };
}
