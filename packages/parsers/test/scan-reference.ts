import { decodeLine } from "../src/decode-line.js";
import type { LogType, ParsedEntry } from "../src/entry.js";
import { type InterestOptions, isInteresting } from "../src/is-interesting.js";
import { parseLine } from "../src/parse-line.js";
import { scanInteresting } from "../src/scan-interesting.js";

/** One interesting line: its entry and byte range. */
export interface Found {
  entry: ParsedEntry;
  lineStart: number;
  lineEnd: number;
}

/** A scan of bytes [start, end) of a `type` log: the lines it counted and the interesting ones. */
export type Scan = (
  type: LogType,
  bytes: Buffer,
  start: number,
  end: number,
  options?: InterestOptions,
) => { lines: number; found: Found[] };

/** What scanInteresting visits and returns. */
export const scan: Scan = (type, bytes, start, end, options) => {
  const found: Found[] = [];
  const lines = scanInteresting(
    type,
    bytes,
    start,
    end,
    (entry, lineStart, lineEnd) => found.push({ entry, lineStart, lineEnd }),
    options,
  );
  return { lines, found };
};

/** The reference: split on \n, decode, parse and filter every line. */
export const reference: Scan = (type, bytes, start, end, options) => {
  const found: Found[] = [];
  let lines = 0;
  let lineStart = start;
  while (lineStart < end) {
    const newline = bytes.indexOf(10, lineStart);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    lines += 1;
    const entry = parseLine(type, decodeLine(bytes, lineStart, lineEnd));
    if (isInteresting(entry, options)) found.push({ entry, lineStart, lineEnd });
    lineStart = lineEnd + 1;
  }
  return { lines, found };
};
