// Fuzz targets for @spoor/parsers: each takes one generated input, checks the invariants
// and throws an Error describing the first violation (fast-check then shrinks the input).
import { isDeepStrictEqual } from "node:util";
import {
  decodeLine,
  isInteresting,
  LineSplitter,
  parseLine,
  scanInteresting,
} from "@spoor/parsers";

/** @typedef {import("./seeds.js").LogType} LogType */
/** @typedef {import("@spoor/parsers").ParsedEntry} ParsedEntry */

/** Fields an entry may carry (contract §2 and the hook events' `domain`, `filter_name`). */
const FIELDS = new Set([
  "type",
  "event",
  "log_time",
  "ip",
  "credential",
  "context",
  "status",
  "scope",
  "possessor",
  "message",
  "endpoint",
  "forward_recipient",
  "forward_type",
  "forward_to",
  "email",
  "domain",
  "filter_name",
]);

/** Hook-event fields that read as null when cPanel sent nothing usable (parsers README). */
const NULLABLE = ["forward_type", "forward_to", "email", "domain", "filter_name"];

/** @param {string} what @param {unknown} detail */
function violation(what, detail) {
  return new Error(`${what}: ${JSON.stringify(detail).slice(0, 400)}`);
}

/**
 * `parseLine(type, line)` never throws and returns `{type, event, …}` with known fields of
 * the right kinds, the same for the line with a "\n" appended, and the same twice.
 * @param {LogType} type
 * @param {string} line
 * @returns {ParsedEntry}
 */
export function checkParseLine(type, line) {
  /** @type {ParsedEntry} */
  let entry;
  try {
    entry = parseLine(type, line);
  } catch (error) {
    throw violation(`parseLine(${type}) threw ${String(error)}`, line);
  }
  if (entry === null || typeof entry !== "object") throw violation("not an object", line);
  if (entry.type !== type) throw violation(`type ${entry.type}`, line);
  if (typeof entry.event !== "string" || entry.event === "") throw violation("no event", line);
  for (const key of Object.keys(entry)) {
    if (!FIELDS.has(key)) throw violation(`unknown field ${key}`, line);
    const value = entry[key];
    const ok =
      key === "log_time"
        ? Number.isSafeInteger(value)
        : typeof value === "string" || (value === null && NULLABLE.includes(key));
    if (!ok) throw violation(`field ${key} = ${String(value)}`, line);
  }
  if (
    entry.event === "unrecognised" &&
    entry.log_time === undefined &&
    Object.keys(entry).length !== 2
  ) {
    throw violation("unrecognised entry with extra fields", { line, entry });
  }
  if (!line.endsWith("\n") && !line.endsWith("\r")) {
    if (!isDeepStrictEqual(parseLine(type, `${line}\n`), entry))
      throw violation("differs with \\n", line);
  }
  if (!isDeepStrictEqual(parseLine(type, line), entry)) throw violation("not deterministic", line);
  JSON.stringify(entry);
  return entry;
}

/**
 * `scanInteresting` over `lines` joined with "\n" finds exactly the lines `decodeLine` +
 * `parseLine` + `isInteresting` accept, with their byte ranges, and counts every line.
 * @param {LogType} type
 * @param {readonly Buffer[]} lines lines without "\n"
 * @param {readonly string[]} extraEvents
 */
export function checkScanInteresting(type, lines, extraEvents) {
  const lead = Buffer.from("junk before the range\n");
  const body = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")]));
  const bytes = Buffer.concat([lead, body, Buffer.from("partial tail")]);
  const start = lead.length;
  const end = start + body.length;
  const options = { extraEvents };
  /** @type {Array<[ParsedEntry, number, number]>} */
  const expected = [];
  let at = start;
  for (const line of lines) {
    const entry = parseLine(type, decodeLine(bytes, at, at + line.length));
    if (isInteresting(entry, options)) expected.push([entry, at, at + line.length]);
    at += line.length + 1;
  }
  /** @type {Array<[ParsedEntry, number, number]>} */
  const found = [];
  let scanned;
  try {
    scanned = scanInteresting(
      type,
      bytes,
      start,
      end,
      (entry, from, to) => found.push([entry, from, to]),
      options,
    );
  } catch (error) {
    throw violation(
      `scanInteresting(${type}) threw ${String(error)}`,
      lines.map((l) => l.toString("latin1")),
    );
  }
  if (scanned !== lines.length)
    throw violation(`scanned ${scanned} of ${lines.length} lines`, type);
  if (!isDeepStrictEqual(found, expected)) {
    throw violation(`scanInteresting(${type}) ≠ parseLine + isInteresting`, { found, expected });
  }
}

/**
 * `LineSplitter` fed `input` in the given chunk sizes yields exactly the "\n"-separated
 * lines of `input` (a last line without "\n" from `end`), whatever the chunking.
 * @param {Buffer} input
 * @param {readonly number[]} cuts chunk sizes (cycled; 0 means 1)
 */
export function checkLineSplitter(input, cuts) {
  /** @type {string[]} */
  const expected = input.toString("latin1").split("\n");
  if (expected.at(-1) === "") expected.pop();
  /** @type {string[]} */
  const got = [];
  /** @param {Buffer} bytes @param {number} from @param {number} to */
  const onLine = (bytes, from, to) => got.push(bytes.subarray(from, to).toString("latin1"));
  const splitter = new LineSplitter();
  let offset = 0;
  for (let index = 0; offset < input.length; index++) {
    const size = Math.max(
      1,
      cuts.length === 0 ? input.length : /** @type {number} */ (cuts[index % cuts.length]),
    );
    splitter.push(input.subarray(offset, offset + size), onLine);
    offset += size;
  }
  splitter.end(onLine);
  if (!isDeepStrictEqual(got, expected))
    throw violation("LineSplitter lines differ", { got, expected });
}
