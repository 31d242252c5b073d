import { describe, expect, it } from "vitest";
import { LineReader, type ReadAt } from "../src/line-reader.js";

/** A growing in-memory file read the way the follower reads a real one. */
function memoryFile(content: Buffer): { read: ReadAt; append(more: string): void } {
  let data = content;
  return {
    read: async (buffer, offset, length, position) => {
      const n = Math.max(0, Math.min(length, data.length - position));
      data.copy(buffer, offset, position, position + n);
      return n;
    },
    append: (more) => {
      data = Buffer.concat([data, Buffer.from(more, "latin1")]);
    },
  };
}

async function drain(reader: LineReader, read: ReadAt) {
  const lines: string[] = [];
  const checkpoints: number[] = [];
  let skipped = 0;
  for (;;) {
    const range = await reader.next(read);
    if (!range) return { lines, checkpoints, skipped };
    const text = reader.buffer.toString("latin1", range.start, range.end);
    lines.push(...text.split("\n").slice(0, -1));
    checkpoints.push(range.nextOffset);
    skipped += range.skipped;
  }
}

describe("LineReader", () => {
  it("splits into complete lines, holds the tail, and reports offsets", async () => {
    const file = memoryFile(Buffer.from("ab\ncd\nef"));
    const reader = new LineReader(4, 8);
    reader.reset(0);
    const first = await drain(reader, file.read);
    expect(first).toEqual({ lines: ["ab", "cd"], checkpoints: [3, 6], skipped: 0 });
    expect(reader.pendingBytes).toBe(2);
    file.append("gh\n");
    expect(await drain(reader, file.read)).toEqual({
      lines: ["efgh"],
      checkpoints: [11],
      skipped: 0,
    });
  });

  it("matches a plain split for any chunk size, skipping exactly the over-long lines", async () => {
    const lines: string[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 400; i++) lines.push("x".repeat(Math.floor(random() ** 3 * 120)));
    const content = Buffer.from(lines.map((l) => `${l}\n`).join(""));
    for (const chunk of [1, 3, 16, 64, 1000, 100_000]) {
      const reader = new LineReader(chunk, 50);
      reader.reset(0);
      const result = await drain(reader, memoryFile(content).read);
      expect(result.lines).toEqual(lines.filter((l) => l.length <= 50));
      expect(result.skipped).toBe(lines.filter((l) => l.length > 50).length);
      expect(reader.buffer.length).toBe(chunk + 50);
      expect(result.checkpoints.at(-1)).toBe(content.length);
    }
  });

  it("never checkpoints inside a line being skipped", async () => {
    const file = memoryFile(Buffer.from(`ok\n${"L".repeat(30)}\n${"M".repeat(40)}`));
    const reader = new LineReader(8, 10);
    reader.reset(0);
    const first = await drain(reader, file.read);
    expect(first).toEqual({ lines: ["ok"], checkpoints: [3, 34], skipped: 1 });
    file.append("M\nnext\n");
    expect(await drain(reader, file.read)).toEqual({
      lines: ["next"],
      checkpoints: [81],
      skipped: 1,
    });
  });

  it("can start inside an over-long line and skip to its end", async () => {
    const file = memoryFile(Buffer.from("yyyy\nafter\n"));
    const reader = new LineReader(16, 10);
    reader.reset(0, true);
    expect(await drain(reader, file.read)).toEqual({
      lines: ["after"],
      checkpoints: [11],
      skipped: 1,
    });
  });
});
