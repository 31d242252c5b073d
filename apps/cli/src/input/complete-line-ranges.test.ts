import { describe, expect, it } from "vitest";
import { completeLineRanges, type LineRange } from "./complete-line-ranges.js";

async function* chunksOf(text: string, sizes: readonly number[]): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  let at = 0;
  for (let i = 0; at < bytes.length; i += 1) {
    const size = sizes[i % sizes.length]!;
    yield Buffer.from(bytes.subarray(at, at + size));
    at += size;
  }
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<LineRange[]> {
  const ranges: LineRange[] = [];
  for await (const range of completeLineRanges(chunks)) ranges.push({ ...range });
  return ranges;
}

const text = "first line\nsecond\n\nfourth, a longer line than the others\nno newline at the end";

describe("completeLineRanges", () => {
  for (const sizes of [[1], [3, 7], [11], [1000], [5, 1, 40]]) {
    it(`regroups chunks of ${sizes.join(",")} bytes into complete lines with their stream offsets`, async () => {
      const ranges = await collect(chunksOf(text, sizes));
      const lines: string[] = [];
      let expectedOffset = 0;
      for (const range of ranges) {
        expect(range.offset).toBe(expectedOffset);
        const slice = range.bytes.subarray(range.start, range.end).toString();
        expect(slice.endsWith("\n")).toBe(true);
        lines.push(...slice.slice(0, -1).split("\n"));
        expectedOffset += range.end - range.start;
      }
      expect(lines).toEqual(text.split("\n"));
    });
  }

  it("hands on whole chunks without copying them", async () => {
    const chunk = Buffer.from("a\nb\nc");
    const ranges = await collect(
      (async function* () {
        yield chunk;
      })(),
    );
    expect(ranges[0]).toEqual({ bytes: chunk, start: 0, end: 4, offset: 0 });
    expect(ranges[0]!.bytes).toBe(chunk);
    expect(ranges[1]!.bytes.toString()).toBe("c\n");
    expect(ranges[1]!.offset).toBe(4);
  });

  it("yields nothing for an empty stream", async () => {
    expect(await collect((async function* () {})())).toEqual([]);
  });
});
