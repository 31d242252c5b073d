/**
 * Ends the command with `exitCode` and prints nothing: whatever had to be said was already
 * said (for example a reader closed the pipe, or a summary reported the failure).
 */
export class SilentError extends Error {
  override name = "SilentError";

  /** @param exitCode the process exit code. */
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
