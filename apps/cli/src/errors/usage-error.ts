/**
 * The command was called wrongly (unknown TYPE, unreadable input file). Printed as one line
 * on stderr; the process exits 2 (contract §2).
 */
export class UsageError extends Error {
  override name = "UsageError";
  /** The process exit code: always 2. */
  readonly exitCode = 2;
}
