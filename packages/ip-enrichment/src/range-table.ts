/**
 * Sorted address ranges with one value index each, searched by binary search. An address is
 * `width` 32-bit words (1 for IPv4, 4 for IPv6), most significant first.
 */
export class RangeTable {
  /**
   * A table over ranges `[0, length)` of the arrays (`width` words per bound). Ranges not in
   * start order are sorted here. Never throws.
   */
  constructor(
    readonly width: number,
    readonly length: number,
    private starts: Uint32Array,
    private ends: Uint32Array,
    private values: Uint32Array,
  ) {
    this.starts = starts.slice(0, length * width);
    this.ends = ends.slice(0, length * width);
    this.values = values.slice(0, length);
    if (!this.isSorted()) this.sort();
  }

  private isSorted(): boolean {
    for (let i = 1; i < this.length; i += 1) {
      if (
        compareWords(this.starts, (i - 1) * this.width, this.starts, i * this.width, this.width) > 0
      ) {
        return false;
      }
    }
    return true;
  }

  private sort(): void {
    const { width } = this;
    const order = Array.from({ length: this.length }, (_, index) => index);
    order.sort((a, b) => compareWords(this.starts, a * width, this.starts, b * width, width));
    const starts = new Uint32Array(this.starts.length);
    const ends = new Uint32Array(this.ends.length);
    const values = new Uint32Array(this.values.length);
    for (const [slot, index] of order.entries()) {
      starts.set(this.starts.subarray(index * width, index * width + width), slot * width);
      ends.set(this.ends.subarray(index * width, index * width + width), slot * width);
      values[slot] = this.values[index]!;
    }
    this.starts = starts;
    this.ends = ends;
    this.values = values;
  }

  /** The value index of the range holding `address` (`width` words), or -1. Never throws. */
  find(address: Uint32Array): number {
    let low = 0;
    let high = this.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (compareWords(this.starts, mid * this.width, address, 0, this.width) <= 0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) return -1;
    return compareWords(address, 0, this.ends, found * this.width, this.width) <= 0
      ? this.values[found]!
      : -1;
  }

  /** The same ranges with every value index moved by `offset`. Never throws. */
  withOffset(offset: number): RangeTable {
    const values = this.values.map((value) => value + offset);
    return new RangeTable(this.width, this.length, this.starts, this.ends, values);
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.starts.byteLength + this.ends.byteLength + this.values.byteLength;
  }
}

/** Compares `width` words of `a` at `ai` with `b` at `bi`: negative, 0 or positive. */
function compareWords(
  a: Uint32Array,
  ai: number,
  b: Uint32Array,
  bi: number,
  width: number,
): number {
  for (let i = 0; i < width; i += 1) {
    const left = a[ai + i]!;
    const right = b[bi + i]!;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}
