import { ApiClientConfigError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";
import { SpoolPermissionError } from "@spoor/spool";
import { describePermissionDenied } from "./permission-denied.js";
import { SilentError } from "./silent-error.js";
import { UsageError } from "./usage-error.js";

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
 * Sorts an error that ended a command into the three kinds (architecture habits):
 * user-fixable (message + fix hint, exit 1, no stack; usage errors exit 2 with one line;
 * EACCES/EPERM/EROFS from the file system count as user-fixable: path, run as root or --root),
 * silent (nothing printed), and bug (stack and where to report it, exit 1).
 * Returns `undefined` for oclif's own errors (exit requests, flag parsing), which oclif prints.
 * Never throws.
 */
export function describeError(error: unknown, context: BugContext): ErrorReport | undefined {
  if (error instanceof Error && "oclif" in error) return undefined;
  if (error instanceof SilentError) return { text: "", exitCode: error.exitCode };
  if (error instanceof UsageError) {
    return { text: `Error: ${oneLine(error.message)}\n`, exitCode: 2 };
  }
  if (error instanceof UserFacingError || error instanceof SpoolPermissionError) {
    return userFacing(error.problem, error.fix);
  }
  if (error instanceof ApiClientConfigError) return userFacing(error.message, error.fix);
  const denied = describePermissionDenied(error);
  if (denied !== undefined) return userFacing(denied.problem, denied.fix);
  const stack = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  const where = context.bugsUrl ? `at ${context.bugsUrl}` : "to the spoor maintainers";
  return {
    text:
      `${stack}\n\nThis is a bug in spoor ${context.version} (Node ${process.version}). ` +
      `Please report it ${where}, with the command you ran and the output above.\n`,
    exitCode: 1,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

function userFacing(problem: string, fix: string | undefined): ErrorReport {
  return { text: `Error: ${problem}\n${fix === undefined ? "" : `Fix: ${fix}\n`}`, exitCode: 1 };
}
