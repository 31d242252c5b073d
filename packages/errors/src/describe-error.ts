import { isSilentError } from "./silent-error.js";
import { isUsageError } from "./usage-error.js";
import { isUserFacingError } from "./user-facing-error.js";

/**
 * The four kinds an error that ended a program falls into: `user` (user-fixable: problem
 * and fix, no stack), `usage` (the program was called wrongly), `silent` (print nothing,
 * already said) and `bug` (anything else: the stack and where to report it).
 */
export type ErrorKind = "user" | "usage" | "silent" | "bug";

/** What {@link describeError} makes of an error. */
export interface ErrorDescription {
  kind: ErrorKind;
  /** What a command prints on stderr: see {@link describeError}. */
  text: string;
  /**
   * One line for a log or a diagnostic: `problem Fix: fix` (the error's `message`) for
   * `user`, the message on one line for `usage`, `""` for `silent`, `Name: message` for `bug`.
   */
  line: string;
  /** The process exit code for this kind (see {@link DescribeErrorOptions.exitCodes}). */
  exitCode: number;
}

/** Facts that go into a bug report, and the exit codes of the program. */
export interface DescribeErrorOptions {
  /** The program's name in the bug report (default "spoor"). */
  program?: string;
  /** Its version, printed after the name when given. */
  version?: string;
  /** Where to report a bug (default: "to the spoor maintainers"). */
  bugsUrl?: string;
  /**
   * Exit codes by kind (defaults: user 1, usage the error's `exitCode` (2), bug 1). A silent
   * error always exits with its own code.
   */
  exitCodes?: Partial<Record<"user" | "usage" | "bug", number>>;
}

/**
 * Sorts an error that ended a program into its kind and says what to print:
 * - user-fixable (`isUserFacingError`): `Error: <problem>\n` then `Fix: <fix>\n` when there
 *   is a fix; exit 1.
 * - usage (`isUsageError`): `Error: <message on one line>\n`; exit 2.
 * - silent (`isSilentError`): nothing; exit with the error's own code.
 * - bug (anything else, thrown strings too): `<stack>\n\nThis is a bug in <program>
 *   [<version>] (Node <version>). Please report it <at bugsUrl | to the spoor maintainers>,
 *   with the command you ran and the output above.\n`; exit 1.
 * The marks are checked, not `instanceof`, so errors from another bundled copy of this
 * package sort the same. Never throws.
 */
export function describeError(
  error: unknown,
  options: DescribeErrorOptions = {},
): ErrorDescription {
  const codes = options.exitCodes ?? {};
  if (isSilentError(error)) {
    return { kind: "silent", text: "", line: "", exitCode: error.exitCode };
  }
  if (isUsageError(error)) {
    const line = oneLine(error.message);
    return { kind: "usage", text: `Error: ${line}\n`, line, exitCode: codes.usage ?? 2 };
  }
  if (isUserFacingError(error)) {
    const fix = typeof error.fix === "string" ? `Fix: ${error.fix}\n` : "";
    return {
      kind: "user",
      text: `Error: ${error.problem}\n${fix}`,
      line: error.message,
      exitCode: codes.user ?? 1,
    };
  }
  return {
    kind: "bug",
    text: bugReport(error, options),
    line: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    exitCode: codes.bug ?? 1,
  };
}

function bugReport(error: unknown, options: DescribeErrorOptions): string {
  const stack = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  const program = [options.program ?? "spoor", options.version].filter(Boolean).join(" ");
  const where = options.bugsUrl ? `at ${options.bugsUrl}` : "to the spoor maintainers";
  return (
    `${stack}\n\nThis is a bug in ${program} (Node ${process.version}). ` +
    `Please report it ${where}, with the command you ran and the output above.\n`
  );
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
