import { expect } from "vitest";
import type { LogType } from "../src/entry.js";
import { parseLine } from "../src/parse-line.js";
import { withEndings } from "./samples.js";

/**
 * The assertion of one log type's tests: `line`, bare and with each line ending, parses to
 * `expected` both through that type's own parser and through `parseLine`.
 */
export function expectEachOf(
  type: LogType,
  parseOne: (line: string) => unknown,
): (line: string, expected: object) => void {
  return (line, expected) => {
    for (const variant of withEndings(line)) {
      expect(parseOne(variant)).toStrictEqual(expected);
      expect(parseLine(type, variant)).toStrictEqual(expected);
    }
  };
}
