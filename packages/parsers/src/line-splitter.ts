/** Receives one line: `bytes[start, end)`, without its `\n` (a `\r` before it is kept). */
export type LineHandler = (bytes: Buffer, start: number, end: number) => void;

/**
 * Splits a byte stream into `\n`-terminated lines, for `spoor parse` and backfill. Complete
 * lines are handed over as ranges of the pushed chunk (no copy); the partial tail is copied
 * and kept until its `\n` arrives, so the caller may reuse its chunk buffers. The `\r` of a
 * `\r\n` ending stays in the range (even when the chunk boundary falls between the two):
 * {@link decodeLine} removes it.
 */
export class LineSplitter {
  #pending: Buffer[] = [];

  /** Hands every line completed by `chunk` to `onLine`, in order. Throws what `onLine` throws. */
  push(chunk: Buffer, onLine: LineHandler): void {
    let newline = chunk.indexOf(10);
    if (newline === -1) {
      if (chunk.length > 0) this.#pending.push(Buffer.from(chunk));
      return;
    }
    let position = 0;
    if (this.#pending.length > 0) {
      this.#pending.push(chunk.subarray(0, newline));
      const line = Buffer.concat(this.#pending);
      this.#pending = [];
      onLine(line, 0, line.length);
      position = newline + 1;
      newline = chunk.indexOf(10, position);
    }
    while (newline !== -1) {
      onLine(chunk, position, newline);
      position = newline + 1;
      newline = chunk.indexOf(10, position);
    }
    if (position < chunk.length) this.#pending.push(Buffer.from(chunk.subarray(position)));
  }

  /**
   * Hands over the last line when the stream did not end with `\n` (nothing otherwise) and
   * resets the splitter. Throws what `onLine` throws.
   */
  end(onLine: LineHandler): void {
    if (this.#pending.length === 0) return;
    const line = Buffer.concat(this.#pending);
    this.#pending = [];
    onLine(line, 0, line.length);
  }
}
