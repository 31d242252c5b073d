import { decodeLine } from "./decode-line.js";
import type { LogType, ParsedEntry } from "./entry.js";
import { type InterestOptions, isInteresting } from "./is-interesting.js";
import { parserFor } from "./parse-line.js";
import { SCAN_PREFILTERS } from "./scan-prefilter.js";

/** Receives an interesting entry and the byte range of its line (end excludes the `\n`). */
export type InterestingVisitor = (entry: ParsedEntry, lineStart: number, lineEnd: number) => void;

/** Number of lines in `view`: its `\n`s, plus a last line without one. */
function countLines(view: Buffer): number {
  let lines = 0;
  let newline = view.indexOf(10);
  while (newline !== -1) {
    lines += 1;
    newline = view.indexOf(10, newline + 1);
  }
  return view.length > 0 && view[view.length - 1] !== 10 ? lines + 1 : lines;
}

/**
 * The hot path of the agent and `spoor parse --interesting`. `bytes[start, end)` holds
 * complete lines, each ending `\n` (a last line without one is read as a line too). Calls
 * `visit`, in order, for every line whose entry `isInteresting(entry, options)` accepts,
 * with the entry `parseLine(type, decodeLine(…))` gives and the line's byte range in `bytes`
 * (end excludes the `\n`; a `\r` before it stays in the range). Lines without the log's
 * needles (see the README) are never decoded or parsed. Returns the number of lines scanned.
 * @throws TypeError for an unknown `type`; whatever `visit` throws.
 */
export function scanInteresting(
  type: LogType,
  bytes: Buffer,
  start: number,
  end: number,
  visit: InterestingVisitor,
  options?: InterestOptions,
): number {
  const parse = parserFor(type);
  const { needles, lineCheck } = SCAN_PREFILTERS[type];
  const view = bytes.subarray(start, end);
  const lines = countLines(view);
  const next = needles.map((needle) => view.indexOf(needle));
  let from = 0;
  for (;;) {
    let hit = -1;
    for (const position of next)
      if (position !== -1 && (hit === -1 || position < hit)) hit = position;
    if (hit === -1) break;
    const lineStart = hit === 0 ? 0 : view.lastIndexOf(10, hit - 1) + 1;
    const newline = view.indexOf(10, hit);
    const lineEnd = newline === -1 ? view.length : newline;
    if (lineCheck === undefined || lineCheck(view, lineStart, lineEnd)) {
      const entry = parse(decodeLine(view, lineStart, lineEnd));
      if (isInteresting(entry, options)) visit(entry, start + lineStart, start + lineEnd);
    }
    from = lineEnd + 1;
    for (let index = 0; index < next.length; index += 1) {
      const position = next[index]!;
      if (position !== -1 && position < from) {
        next[index] = from < view.length ? view.indexOf(needles[index]!, from) : -1;
      }
    }
  }
  return lines;
}
