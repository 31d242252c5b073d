/** Something a test started that must be undone after it (a server to close, a dir to remove). */
export type Cleanup = () => Promise<unknown> | unknown;

/**
 * What a test started, undone in reverse order by `run()` (call it from `afterEach`, passed
 * or failed). Every cleanup runs even when an earlier one throws.
 */
export class CleanupStack {
  readonly #pending: Cleanup[] = [];

  /** Registers `cleanups` (the last registered runs first). */
  push(...cleanups: Cleanup[]): void {
    this.#pending.push(...cleanups);
  }

  /**
   * Runs and forgets every registered cleanup, newest first.
   * @throws the first error a cleanup threw, after all of them ran.
   */
  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const cleanup of this.#pending.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}
