import { csvFields } from "./csv-fields.js";
import { RangeTable } from "./range-table.js";

/** A table and the distinct values its ranges point at. */
export interface ParsedRanges {
  table: RangeTable;
  /** The distinct value fields (after the two bounds), in first-seen order. */
  values: string[][];
  /** Lines that were not a range (counted, skipped). */
  skipped: number;
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const ZERO = 0x30;

/**
 * Reads a decimal integer of `width` 32-bit words from `bytes[start, end)` into `out` at
 * `at`; false when it is not one or does not fit. Sixteen-bit limbs keep every step exact.
 */
function readDecimal(
  bytes: Buffer,
  start: number,
  end: number,
  width: number,
  limbs: Uint32Array,
  out: Uint32Array,
  at: number,
): boolean {
  if (end <= start || end - start > 40) return false;
  limbs.fill(0);
  const count = width * 2;
  // Up to four digits at a time: limb·10⁴ + chunk stays far below 2^53.
  for (let i = start; i < end; ) {
    let chunk = 0;
    let scale = 1;
    for (const stop = Math.min(i + 4, end); i < stop; i += 1) {
      const digit = bytes[i]! - ZERO;
      if (digit < 0 || digit > 9) return false;
      chunk = chunk * 10 + digit;
      scale *= 10;
    }
    let carry = chunk;
    for (let limb = count - 1; limb >= 0; limb -= 1) {
      const value = limbs[limb]! * scale + carry;
      limbs[limb] = value % 65_536;
      carry = Math.floor(value / 65_536);
    }
    if (carry !== 0) return false;
  }
  for (let word = 0; word < width; word += 1) {
    out[at + word] = ((limbs[word * 2]! << 16) | limbs[word * 2 + 1]!) >>> 0;
  }
  return true;
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Parses an ip-location-db `*-num.csv` file: `start,end,value…` per line, the bounds as
 * decimal integers of `width` 32-bit words. Works on the bytes (no string per line); a value
 * text is decoded once per distinct value. Bad lines are counted and skipped. Never throws.
 */
export function parseRangeCsv(bytes: Buffer, width: number): ParsedRanges {
  let starts: Uint32Array = new Uint32Array(65_536 * width);
  let ends: Uint32Array = new Uint32Array(65_536 * width);
  let values: Uint32Array = new Uint32Array(65_536);
  const limbs = new Uint32Array(width * 2);
  const valueIndex = new Map<string, number>();
  const texts: string[] = [];
  let count = 0;
  let skipped = 0;
  let line = 0;
  while (line < bytes.length) {
    let lineEnd = bytes.indexOf(NEWLINE, line);
    if (lineEnd < 0) lineEnd = bytes.length;
    const next = lineEnd + 1;
    const textEnd = lineEnd > line && bytes[lineEnd - 1] === RETURN ? lineEnd - 1 : lineEnd;
    if (textEnd === line) {
      line = next;
      continue;
    }
    if (count === values.length) {
      starts = grow(starts);
      ends = grow(ends);
      values = grow(values);
    }
    const comma1 = bytes.indexOf(COMMA, line);
    const comma2 = comma1 < 0 || comma1 >= textEnd ? -1 : bytes.indexOf(COMMA, comma1 + 1);
    const ok =
      comma2 >= 0 &&
      comma2 < textEnd &&
      readDecimal(bytes, line, comma1, width, limbs, starts, count * width) &&
      readDecimal(bytes, comma1 + 1, comma2, width, limbs, ends, count * width);
    if (!ok) {
      skipped += 1;
      line = next;
      continue;
    }
    const text = bytes.toString("utf8", comma2 + 1, textEnd);
    let index = valueIndex.get(text);
    if (index === undefined) {
      index = texts.length;
      texts.push(text);
      valueIndex.set(text, index);
    }
    values[count] = index;
    count += 1;
    line = next;
  }
  return {
    table: new RangeTable(width, count, starts, ends, values),
    values: texts.map((text) => csvFields(text)),
    skipped,
  };
}
