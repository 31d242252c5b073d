import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeLine } from "./decode-line.js";
import { LineSplitter } from "./line-splitter.js";

/** Splits `chunks` through a LineSplitter and returns each line's bytes (copied). */
function split(chunks: readonly Buffer[]): Buffer[] {
  const splitter = new LineSplitter();
  const lines: Buffer[] = [];
  const onLine = (bytes: Buffer, start: number, end: number) => {
    lines.push(Buffer.from(bytes.subarray(start, end)));
  };
  for (const chunk of chunks) splitter.push(chunk, onLine);
  splitter.end(onLine);
  return lines;
}

/** What splitting on `\n` must give: every `\n`-terminated line, plus a non-empty tail. */
function expectedLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, newline));
    start = newline + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

/** `bytes` cut at the given positions. */
function cut(bytes: Buffer, positions: readonly number[]): Buffer[] {
  const sorted = [...new Set(positions.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const position of [...sorted, bytes.length]) {
    chunks.push(bytes.subarray(start, position));
    start = position;
  }
  return chunks;
}

describe("LineSplitter", () => {
  it("hands over complete lines, keeps the partial tail across chunks and flushes it at end", () => {
    const lines = split([
      Buffer.from("one\ntw"),
      Buffer.from("o\r"),
      Buffer.from("\nthree\n\nfour"),
    ]);
    expect(lines.map((line) => line.toString())).toStrictEqual([
      "one",
      "two\r",
      "three",
      "",
      "four",
    ]);
  });

  it("gives nothing more at end when the stream ended with a newline, and nothing for no input", () => {
    expect(split([Buffer.from("a\n")]).map(String)).toStrictEqual(["a"]);
    expect(split([])).toStrictEqual([]);
    expect(split([Buffer.alloc(0), Buffer.alloc(0)])).toStrictEqual([]);
  });

  it("copies the tail, so the caller may reuse its chunk buffer", () => {
    const buffer = Buffer.from("abc");
    const splitter = new LineSplitter();
    const lines: string[] = [];
    const onLine = (bytes: Buffer, start: number, end: number) => {
      lines.push(bytes.toString("latin1", start, end));
    };
    splitter.push(buffer, onLine);
    buffer.write("xyz");
    splitter.push(Buffer.from("d\n"), onLine);
    expect(lines).toStrictEqual(["abcd"]);
  });

  it("reproduces the lines of random bytes under any chunking", () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ maxLength: 400 })
          .map((bytes) => Buffer.from(bytes.map((b) => (b % 7 === 0 ? 10 : b)))),
        fc.array(fc.nat(), { maxLength: 20 }),
        (bytes, positions) => {
          expect(split(cut(bytes, positions))).toStrictEqual(expectedLines(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("decodeLine", () => {
  it("decodes UTF-8, strips exactly one trailing \\r and turns invalid bytes into U+FFFD", () => {
    const bytes = Buffer.concat([Buffer.from("xx jos\u00e9\r\r"), Buffer.from([0xff, 0x41, 0x0d])]);
    expect(decodeLine(bytes, 3, 10)).toBe("jos\u00e9\r");
    expect(decodeLine(bytes, 10, 13)).toBe("\ufffdA");
    expect(decodeLine(bytes, 2, 2)).toBe("");
    expect(decodeLine(Buffer.from("\r"), 0, 1)).toBe("");
  });
});
