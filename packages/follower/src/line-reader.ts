/** Reads `length` bytes at file `position` into `buffer[offset…]`; resolves bytes read. */
export type ReadAt = (
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
) => Promise<number>;

/** A run of complete lines in {@link LineReader.buffer}. */
export interface LineRange {
  start: number;
  end: number;
  /** File offset of `buffer[start]`. */
  fileOffset: number;
  /** File offset just after the range (and after any line skipped at its end). */
  nextOffset: number;
  /** Over-long lines skipped since the previous range, all before `nextOffset`. */
  skipped: number;
}

const NEWLINE = 0x0a;

/**
 * Splits one file into runs of complete lines with a fixed buffer of
 * `chunkBytes + maxLineBytes` bytes. An unterminated tail waits for its newline; a line
 * longer than `maxLineBytes` (not counting "\n") is discarded up to its newline and counted.
 * Reading happens only inside {@link next}, so a range stays valid until the next call.
 */
export class LineReader {
  readonly buffer: Buffer;
  private base = 0;
  private start = 0;
  private end = 0;
  private skipping = false;
  private skipped = 0;

  constructor(
    readonly chunkBytes: number,
    readonly maxLineBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes + maxLineBytes);
  }

  /** Starts over at file `offset`; `skipping` discards bytes up to the next newline. */
  reset(offset: number, skipping = false): void {
    this.base = offset;
    this.start = 0;
    this.end = 0;
    this.skipping = skipping;
    this.skipped = 0;
  }

  /** File offset of the next read. */
  get position(): number {
    return this.base + this.end;
  }

  /** Bytes of an unterminated line held back (0 while skipping). */
  get pendingBytes(): number {
    return this.end - this.start;
  }

  /** The next range, reading more when needed; undefined when the file has no more now.
   *  @throws what `read` throws */
  async next(read: ReadAt): Promise<LineRange | undefined> {
    for (;;) {
      const range = this.scan();
      if (range) return range;
      if (!(await this.fill(read))) return undefined;
    }
  }

  private scan(): LineRange | undefined {
    const view = this.buffer.subarray(0, this.end);
    for (;;) {
      if (this.skipping) {
        const newline = view.indexOf(NEWLINE, this.start);
        if (newline < 0) {
          this.start = this.end;
          return undefined;
        }
        this.skipping = false;
        this.skipped += 1;
        this.start = newline + 1;
      }
      const last = view.lastIndexOf(NEWLINE);
      if (last < this.start) return this.holdTail();
      const long = this.findLongLine(view, last);
      if (long < 0) return this.take(last + 1);
      this.skipping = true;
      if (long > this.start || this.skipped > 0) return this.take(long);
    }
  }

  /** Index of the first line in `[start, last]` longer than the limit, or -1. */
  private findLongLine(view: Buffer, last: number): number {
    let pos = this.start;
    while (last - pos > this.maxLineBytes) {
      const newline = view.lastIndexOf(NEWLINE, pos + this.maxLineBytes);
      if (newline < pos) return pos;
      pos = newline + 1;
    }
    return -1;
  }

  /** No complete line left: keep the tail, or start skipping it once it is too long. */
  private holdTail(): LineRange | undefined {
    const range = this.skipped > 0 ? this.take(this.start) : undefined;
    if (this.end - this.start > this.maxLineBytes) {
      this.skipping = true;
      this.start = this.end;
    }
    return range;
  }

  private take(end: number): LineRange {
    const range: LineRange = {
      start: this.start,
      end,
      fileOffset: this.base + this.start,
      nextOffset: this.base + end,
      skipped: this.skipped,
    };
    this.start = end;
    this.skipped = 0;
    return range;
  }

  private async fill(read: ReadAt): Promise<boolean> {
    if (this.start > 0) {
      this.buffer.copyWithin(0, this.start, this.end);
      this.base += this.start;
      this.end -= this.start;
      this.start = 0;
    }
    const n = await read(this.buffer, this.end, this.chunkBytes, this.base + this.end);
    this.end += n;
    return n > 0;
  }
}
