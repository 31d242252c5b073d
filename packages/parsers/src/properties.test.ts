import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { A, E, hookData, hookLine, INTERESTING, L, R } from "../test/samples.js";
import { reference, scan } from "../test/scan-reference.js";
import { decodeLine } from "./decode-line.js";
import type { LogType, ParsedEntry } from "./entry.js";
import { HOOK_EVENTS } from "./event-catalogue.js";
import { parseLine } from "./parse-line.js";

const TYPES: readonly LogType[] = ["access", "error", "login", "session"];

const KEYS: Readonly<Record<LogType, readonly string[]>> = {
  access: [
    "type",
    "event",
    "log_time",
    "ip",
    "credential",
    "context",
    "status",
    "forward_recipient",
  ],
  login: [
    "type",
    "event",
    "log_time",
    "ip",
    "credential",
    "possessor",
    "status",
    "scope",
    "context",
    "endpoint",
    "message",
  ],
  session: ["type", "event", "log_time", "ip", "credential", "status", "scope", "context"],
  error: [
    "type",
    "event",
    "log_time",
    "status",
    "context",
    "forward_type",
    "forward_to",
    "email",
    "domain",
    "filter_name",
  ],
};

/** The invariants of any entry, whatever the line. */
function expectWellFormed(type: LogType, line: string, entry: ParsedEntry): void {
  expect(entry.type).toBe(type);
  expect(typeof entry.event).toBe("string");
  for (const key of Object.keys(entry)) expect(KEYS[type]).toContain(key);
  if (entry.event === "unrecognised" && entry.log_time === undefined) {
    expect(Object.keys(entry)).toStrictEqual(["type", "event"]);
  } else {
    expect(Number.isSafeInteger(entry.log_time)).toBe(true);
  }
  if (!line.endsWith("\n")) expect(parseLine(type, `${line}\n`)).toStrictEqual(entry);
}

function corpusLines(type: LogType, count: number): string[] {
  const text = readFileSync(
    new URL(`../../../fixtures/cpanel-v120/${type}_log`, import.meta.url),
    "latin1",
  );
  const lines = text.split("\n").filter((line) => line !== "");
  const step = Math.max(1, Math.floor(lines.length / count));
  return lines.filter((_, index) => index % step === 0).slice(0, count);
}

/** Real and sample lines of each log, interesting ones included. */
const POOL: Readonly<Record<LogType, string[]>> = {
  access: [
    ...Object.values(A),
    ...Object.values(R),
    ...INTERESTING.access,
    ...corpusLines("access", 40),
  ],
  login: [...Object.values(L), ...INTERESTING.login, ...corpusLines("login", 10)],
  error: [
    ...Object.values(E),
    ...HOOK_EVENTS.map((event) => hookLine(event, { ...hookData(), user: "owner" })),
    ...corpusLines("error", 40),
  ],
  session: [...INTERESTING.session, ...corpusLines("session", 20)],
};

/** A line of `type`'s pool with random characters inserted, deleted or replaced. */
function mutatedLine(type: LogType) {
  return fc
    .tuple(
      fc.constantFrom(...POOL[type]),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom("insert", "delete", "replace"),
          fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([line, edits]) => {
      let text = line;
      for (const [at, op, chars] of edits) {
        const i = at % (text.length + 1);
        if (op === "insert") text = text.slice(0, i) + chars + text.slice(i);
        else if (op === "delete") text = text.slice(0, i) + text.slice(i + 1);
        else text = text.slice(0, i) + chars + text.slice(i + chars.length);
      }
      return text;
    });
}

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(...'[]"-@% :/0123456789info SUCCESS{}'.split("")),
    maxLength: 120,
  }),
);

describe("properties: no line ever breaks a parser", () => {
  for (const type of TYPES) {
    it(`${type}: random text gives a well-formed entry`, () => {
      fc.assert(
        fc.property(anyText, (line) => expectWellFormed(type, line, parseLine(type, line))),
        { numRuns: 1500 },
      );
    });

    it(`${type}: mutated real lines give a well-formed entry`, () => {
      fc.assert(
        fc.property(mutatedLine(type), (line) =>
          expectWellFormed(type, line, parseLine(type, line)),
        ),
        { numRuns: 1500 },
      );
    });
  }

  it("random bytes through decodeLine give a well-formed entry for every log", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const line = decodeLine(Buffer.from(bytes), 0, bytes.length);
        for (const type of TYPES) expectWellFormed(type, line, parseLine(type, line));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("properties: scanInteresting ≡ parseLine + isInteresting", () => {
  for (const type of TYPES) {
    it(`${type}: random mixes of interesting, background and broken lines`, () => {
      const line = fc.oneof(
        { arbitrary: fc.constantFrom(...POOL[type]), weight: 4 },
        { arbitrary: mutatedLine(type), weight: 3 },
        { arbitrary: anyText.map((text) => text.replaceAll("\n", " ")), weight: 1 },
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(line, fc.constantFrom("\n", "\r\n")), { maxLength: 25 }),
          fc.boolean(),
          fc.string({ maxLength: 20 }),
          fc.subarray([...HOOK_EVENTS, "login", "forward_removed", "unrecognised"]),
          (lines, finalNewline, outside, extraEvents) => {
            let text = lines.map(([l, ending]) => l.replaceAll("\n", " ") + ending).join("");
            if (!finalNewline && text.endsWith("\n")) text = text.replace(/\r?\n$/, "");
            const before = Buffer.from(`${outside}\n`);
            const inside = Buffer.from(text);
            const bytes = Buffer.concat([before, inside, Buffer.from(outside)]);
            const start = before.length;
            const end = start + inside.length;
            const options = { extraEvents };
            expect(scan(type, bytes, start, end, options)).toStrictEqual(
              reference(type, bytes, start, end, options),
            );
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});
