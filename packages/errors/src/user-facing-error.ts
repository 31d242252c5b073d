import { brandedInstanceOf, brandPrototype, hasBrand, USER_FACING } from "./brand.js";

/**
 * An error the user can fix: `problem` says what is wrong, `fix` (when there is one) the
 * command or edit that fixes it, and `message` is `problem` followed by ` Fix: <fix>`.
 * Commands print it without a stack (see {@link describeError}).
 *
 * Every user-fixable error of spoor extends this class. Tell one apart with
 * {@link isUserFacingError} (or `instanceof UserFacingError`, which checks the same mark):
 * both hold across two bundled copies of this package.
 */
export class UserFacingError extends Error {
  /** What is wrong, without the fix. */
  readonly problem: string;
  /** The command or edit that fixes it, when there is one. */
  readonly fix?: string;

  /**
   * @param problem what is wrong (a sentence, ending with a full stop where it reads as one)
   * @param fix the command or edit that fixes it
   * @param options `cause`, as for `Error`
   */
  constructor(problem: string, fix?: string, options?: ErrorOptions) {
    super(fix === undefined ? problem : `${problem} Fix: ${fix}`, options);
    this.name = "UserFacingError";
    this.problem = problem;
    if (fix !== undefined) this.fix = fix;
  }

  /** Checks the mark on `UserFacingError` itself, the prototype chain on a subclass. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, a subclass too
    return brandedInstanceOf(this, UserFacingError, USER_FACING, value);
  }
}
brandPrototype(UserFacingError.prototype, USER_FACING);

/**
 * Whether `error` is a user-fixable error made by any copy of this package: it carries the
 * user-facing mark and a string `problem`. Never throws.
 */
export function isUserFacingError(error: unknown): error is UserFacingError {
  return (
    hasBrand(error, USER_FACING) && typeof (error as { problem?: unknown }).problem === "string"
  );
}
