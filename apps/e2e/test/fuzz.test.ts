import { decodeLine, HOOK_EVENTS } from "@spoor/parsers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkNoForgery, outsiderText } from "../fuzz/forgery-targets.js";
import { hookInput } from "../fuzz/hook-payloads.js";
import {
  checkHookInProcess,
  checkHookProcess,
  type HookSandbox,
  makeHookSandbox,
} from "../fuzz/hook-targets.js";
import { fuzzLine } from "../fuzz/mutations.js";
import { checkLineSplitter, checkParseLine, checkScanInteresting } from "../fuzz/parser-targets.js";
import { CORPUS_DIR, LOG_TYPES, seedLines } from "../fuzz/seeds.js";
import { HOOK_BUNDLE } from "./harness/paths.js";

// A bounded sample for CI; `pnpm --filter @spoor/e2e bench` runs millions (FUZZ_RUNS).
const RUNS = 250;
const EXTRA_EVENTS = ["login", ...HOOK_EVENTS, "unrecognised"];

describe.each(LOG_TYPES)("fuzzing the %s parser", (type) => {
  const seeds = seedLines(type, CORPUS_DIR);

  it("parseLine never throws and always gives a well-formed {type, event} entry", () => {
    fc.assert(
      fc.property(fuzzLine(seeds), (bytes) => {
        checkParseLine(type, decodeLine(bytes, 0, bytes.length));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        checkParseLine(type, text);
      }),
      { numRuns: RUNS },
    );
  });

  it("scanInteresting finds exactly what parseLine + isInteresting accept", () => {
    fc.assert(
      fc.property(
        fc.array(fuzzLine(seeds), { maxLength: 12 }),
        fc.subarray(EXTRA_EVENTS),
        (lines, extraEvents) => {
          checkScanInteresting(type, lines, extraEvents);
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});

describe.each(LOG_TYPES)("forging %s events from outsider-controlled fields", (type) => {
  it("no text in a login name, URL, user agent or another service's message makes an event", () => {
    fc.assert(
      fc.property(fc.nat(), outsiderText, (index, text) => {
        checkNoForgery(type, index, text);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzzing LineSplitter", () => {
  it("yields the same lines whatever the chunking", () => {
    const seeds = seedLines("access", CORPUS_DIR).slice(0, 50);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((raw) => Buffer.from(raw)),
      fc.array(fuzzLine(seeds), { maxLength: 8 }).map((lines) => Buffer.from(lines.join("\n"))),
      fc
        .array(fc.constantFrom("\n", "\r\n", "a", "\r", ""), { maxLength: 40 })
        .map((parts) => Buffer.from(parts.join(""))),
    );
    fc.assert(
      fc.property(
        input,
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        (bytes, cuts) => {
          checkLineSplitter(bytes, cuts);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("fuzzing the cPanel hook's STDIN handling", () => {
  let sandbox: HookSandbox;
  beforeAll(async () => {
    sandbox = await makeHookSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it("in process: STDOUT empty, at most one spool file, nothing else touched, no password written", async () => {
    const routes = { spooled: 0, "not-spooled": 0 };
    await fc.assert(
      fc.asyncProperty(hookInput(), async (input) => {
        routes[await checkHookInProcess(sandbox, input)] += 1;
      }),
      { numRuns: RUNS },
    );
    // The sample reached both outcomes (realistic payloads are spooled, broken ones not).
    expect(routes.spooled).toBeGreaterThan(0);
    expect(routes["not-spooled"]).toBeGreaterThan(0);
  });

  it("as the bundled script: STDOUT empty or 1, at most one spool file, nothing else touched", async () => {
    await fc.assert(
      fc.asyncProperty(hookInput(), async (input) => {
        await checkHookProcess(sandbox, HOOK_BUNDLE, input);
      }),
      { numRuns: 12 },
    );
  });
});
