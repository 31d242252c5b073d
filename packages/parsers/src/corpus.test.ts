import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reference, scan } from "../test/scan-reference.js";
import { decodeLine } from "./decode-line.js";
import type { LogType, ParsedEntry } from "./entry.js";
import { HOOK_EVENTS } from "./event-catalogue.js";
import { isInteresting } from "./is-interesting.js";
import { LineSplitter } from "./line-splitter.js";
import { parseLine } from "./parse-line.js";

// The real cPanel 11.120 logs (fixtures/cpanel-v120/PROVENANCE.md): background traffic only.
function corpus(type: LogType): Buffer {
  return readFileSync(new URL(`../../../fixtures/cpanel-v120/${type}_log`, import.meta.url));
}

function parseAll(type: LogType): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  const splitter = new LineSplitter();
  const onLine = (bytes: Buffer, start: number, end: number) => {
    entries.push(parseLine(type, decodeLine(bytes, start, end)));
  };
  splitter.push(corpus(type), onLine);
  splitter.end(onLine);
  return entries;
}

function tally(entries: readonly ParsedEntry[], key: (entry: ParsedEntry) => string) {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[key(entry)] = (counts[key(entry)] ?? 0) + 1;
  return counts;
}

const EVERY_OPT_IN = { extraEvents: [...HOOK_EVENTS, "login"] };
const TYPES: readonly LogType[] = ["access", "error", "login", "session"];

describe("the real v120 corpus", () => {
  it("access_log: all 4,469 lines (8 through the proxy subdomain) of the usual shape, none an event", () => {
    const entries = parseAll("access");
    expect(entries).toHaveLength(4469);
    expect(
      tally(entries, (e) => `${e.event}/${e.log_time === undefined ? "bare" : "fields"}`),
    ).toStrictEqual({ "unrecognised/fields": 4469 });
    expect(tally(entries, (e) => String(e.context))).toStrictEqual({ unrecognised: 4469 });
  });

  it("error_log: all 1,392 lines (other services, backtraces, raw stderr) unrecognised", () => {
    const entries = parseAll("error");
    expect(entries).toHaveLength(1392);
    expect(tally(entries, (e) => e.event)).toStrictEqual({ unrecognised: 1392 });
  });

  it("login_log: 10 logins, 7 failed and 3 deferred, none of a mailbox", () => {
    const entries = parseAll("login");
    expect(tally(entries, (e) => `${e.event}/${e.status}/${e.context}`)).toStrictEqual({
      "login/failed/system": 5,
      "login/failed/domain": 2,
      "login/deferred/domain": 3,
    });
  });

  it("session_log: 23 lines (11 NEW, 6 PURGE, 6 blank), none a webmail login", () => {
    const entries = parseAll("session");
    expect(entries).toHaveLength(23);
    expect(tally(entries, (e) => e.event)).toStrictEqual({ unrecognised: 23 });
  });

  it("has no interesting line, through parseLine + isInteresting, even with every opt-in event", () => {
    for (const type of TYPES) {
      const entries = parseAll(type);
      expect(entries.filter((entry) => isInteresting(entry))).toStrictEqual([]);
      expect(entries.filter((entry) => isInteresting(entry, EVERY_OPT_IN))).toStrictEqual([]);
    }
  });

  it("has no interesting line through scanInteresting, whole or in chunks of lines", () => {
    for (const type of TYPES) {
      const bytes = corpus(type);
      const lines = parseAll(type).length;
      expect(scan(type, bytes, 0, bytes.length)).toStrictEqual({ lines, found: [] });
      expect(scan(type, bytes, 0, bytes.length, EVERY_OPT_IN)).toStrictEqual({ lines, found: [] });
      let total = 0;
      for (let start = 0; start < bytes.length; ) {
        const end = Math.min(
          bytes.length,
          bytes.indexOf(10, start + 64 * 1024) + 1 || bytes.length,
        );
        const chunk = scan(type, bytes, start, end);
        expect(chunk).toStrictEqual(reference(type, bytes, start, end));
        total += chunk.lines;
        start = end;
      }
      expect(total).toBe(lines);
    }
  });
});
