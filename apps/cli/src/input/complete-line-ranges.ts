/** A run of complete lines: `bytes[start, end)`, every line ending "\n". */
export interface LineRange {
  bytes: Buffer;
  start: number;
  end: number;
  /** Offset of `bytes[start]` in the whole stream. */
  offset: number;
}

const NEWLINE = 0x0a;

/**
 * Regroups a byte stream into runs of complete lines without copying the chunks: each chunk
 * yields the lines it completes, and only a line that spans chunks is joined into a small
 * buffer of its own. A last line without "\n" is yielded with one appended. Never throws
 * (errors of `chunks` pass through).
 */
export async function* completeLineRanges(
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<LineRange> {
  let tail: Buffer[] = [];
  let offset = 0;
  for await (const chunk of chunks) {
    let from = 0;
    if (tail.length > 0) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        tail.push(chunk);
        continue;
      }
      const joined = Buffer.concat([...tail, chunk.subarray(0, newline + 1)]);
      tail = [];
      yield { bytes: joined, start: 0, end: joined.length, offset };
      offset += joined.length;
      from = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= from) {
      yield { bytes: chunk, start: from, end: last + 1, offset };
      offset += last + 1 - from;
      from = last + 1;
    }
    if (from < chunk.length) tail.push(chunk.subarray(from));
  }
  if (tail.length > 0) {
    const joined = Buffer.concat([...tail, Buffer.from("\n")]);
    yield { bytes: joined, start: 0, end: joined.length, offset };
  }
}
