import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { A, E, INTERESTING, L, R } from "../test/samples.js";
import { reference, scan } from "../test/scan-reference.js";
import type { LogType } from "./entry.js";
import { parseLine } from "./parse-line.js";
import { scanInteresting } from "./scan-interesting.js";

describe("scanInteresting", () => {
  it("finds the interesting lines of a chunk with their byte ranges, in order", () => {
    const text = `${A.A2}\n${A.A1}\r\n${R.R2}\n${R.R1}\n`;
    const bytes = Buffer.from(`garbage-before\n${text}tail-after`);
    const start = "garbage-before\n".length;
    const end = start + Buffer.byteLength(text);
    const result = scan("access", bytes, start, end);
    expect(result.lines).toBe(4);
    expect(result.found.map((f) => bytes.toString("utf8", f.lineStart, f.lineEnd))).toStrictEqual([
      `${A.A1}\r`,
      R.R1,
    ]);
    expect(result.found.map((f) => f.entry)).toStrictEqual([
      parseLine("access", A.A1),
      parseLine("access", R.R1),
    ]);
    expect(result).toStrictEqual(reference("access", bytes, start, end));
  });

  it("reads a last line without its newline and counts it", () => {
    const bytes = Buffer.from(`${L.L2}\n${L.L1}`);
    expect(scan("login", bytes, 0, bytes.length)).toStrictEqual(
      reference("login", bytes, 0, bytes.length),
    );
    expect(scan("login", bytes, 0, bytes.length).found).toHaveLength(1);
    expect(scan("login", bytes, 0, 0)).toStrictEqual({ lines: 0, found: [] });
  });

  it("applies extraEvents exactly as isInteresting does", () => {
    const line =
      '[2019-02-10 10:24:17 +0000] info [spoor_forward_removed_recipient] {"args":{"address":"v@example.net","forwarder":"t@example.org"}}';
    const bytes = Buffer.from(`${E.E5}\n${line}\n${E.E1}\n`);
    const options = { extraEvents: ["forward_removed_recipient"] };
    expect(scan("error", bytes, 0, bytes.length).found).toHaveLength(1);
    expect(scan("error", bytes, 0, bytes.length, options).found).toHaveLength(2);
    expect(scan("error", bytes, 0, bytes.length, options)).toStrictEqual(
      reference("error", bytes, 0, bytes.length, options),
    );
  });

  it("matches the reference on every interesting sample among the real corpus", () => {
    for (const [type, lines] of Object.entries(INTERESTING) as Array<[LogType, string[]]>) {
      const corpus = readFileSync(
        new URL(`../../../fixtures/cpanel-v120/${type}_log`, import.meta.url),
      );
      const bytes = Buffer.concat([corpus, Buffer.from(`${lines.join("\n")}\n`), corpus]);
      const result = scan(type, bytes, 0, bytes.length);
      expect(result.found).toHaveLength(lines.length);
      expect(result).toStrictEqual(reference(type, bytes, 0, bytes.length));
    }
  });

  it("throws a TypeError for an unknown log type", () => {
    expect(() => scanInteresting("nope" as LogType, Buffer.from("x\n"), 0, 2, () => {})).toThrow(
      TypeError,
    );
    expect(() => parseLine("nope" as LogType, "x")).toThrow(TypeError);
  });
});
