import { brandedInstanceOf, brandPrototype, hasBrand, SILENT } from "./brand.js";

/**
 * Ends the command with `exitCode` and prints nothing: whatever had to be said was already
 * said (for example a reader closed the pipe, or a summary reported the failure).
 * `isSilentError` and `instanceof SilentError` hold across bundled copies.
 */
export class SilentError extends Error {
  /** @param exitCode the process exit code. */
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = "SilentError";
  }

  /** Checks the mark on `SilentError` itself, the prototype chain on a subclass. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, a subclass too
    return brandedInstanceOf(this, SilentError, SILENT, value);
  }
}
brandPrototype(SilentError.prototype, SILENT);

/** Whether `error` is a silent error made by any copy of this package. Never throws. */
export function isSilentError(error: unknown): error is SilentError {
  return hasBrand(error, SILENT) && Number.isInteger((error as { exitCode?: unknown }).exitCode);
}
