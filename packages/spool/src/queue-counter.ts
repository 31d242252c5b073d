const REFRESH_AT_CAP_MS = 1000;

/**
 * A cheap count of parsed/: counted once, then kept by write/move, refreshed by list() and,
 * at the cap only, recounted at most once a second (other processes drain the queue too).
 */
export class QueueCounter {
  #count: number | undefined;
  #refreshedAt = Number.NEGATIVE_INFINITY;
  readonly #countNow: () => Promise<number>;

  constructor(countNow: () => Promise<number>) {
    this.#countNow = countNow;
  }

  /** Records a fresh count (from a listing). */
  set(count: number): void {
    this.#count = count;
    this.#refreshedAt = performance.now();
  }

  /** Adjusts the count by `delta` entries. */
  add(delta: number): void {
    if (this.#count !== undefined) this.#count = Math.max(0, this.#count + delta);
  }

  /** The count, and whether it has reached `max`. @throws what counting throws. */
  async check(max: number): Promise<{ count: number; full: boolean }> {
    if (this.#count === undefined) this.set(await this.#countNow());
    if (this.#count! >= max && performance.now() - this.#refreshedAt >= REFRESH_AT_CAP_MS) {
      this.set(await this.#countNow());
    }
    return { count: this.#count!, full: this.#count! >= max };
  }
}
