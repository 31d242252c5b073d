import { brandedInstanceOf, brandPrototype, hasBrand, USAGE } from "./brand.js";

/**
 * The command was called wrongly (an unknown argument, an unreadable input file). Printed
 * as one line on stderr; a command exits 2. `isUsageError` and `instanceof UsageError` hold
 * across bundled copies.
 */
export class UsageError extends Error {
  /** The process exit code of a command: always 2. */
  readonly exitCode = 2;

  /** @param message what is wrong with the command line */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UsageError";
  }

  /** Checks the mark on `UsageError` itself, the prototype chain on a subclass. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, a subclass too
    return brandedInstanceOf(this, UsageError, USAGE, value);
  }
}
brandPrototype(UsageError.prototype, USAGE);

/** Whether `error` is a usage error made by any copy of this package. Never throws. */
export function isUsageError(error: unknown): error is UsageError {
  return hasBrand(error, USAGE) && typeof (error as { message?: unknown }).message === "string";
}
