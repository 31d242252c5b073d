/**
 * An error the user can fix: `message` says what is wrong and, when there is one, ends with
 * `Fix: <command>`. Commands print `message` alone (no stack) and exit 1.
 */
export class UserFacingError extends Error {
  /** What is wrong, without the fix. */
  readonly problem: string;
  /** The command or edit that fixes it, when there is one. */
  readonly fix?: string;

  constructor(problem: string, fix?: string, options?: ErrorOptions) {
    super(fix === undefined ? problem : `${problem} Fix: ${fix}`, options);
    this.name = "UserFacingError";
    this.problem = problem;
    if (fix !== undefined) this.fix = fix;
  }
}
