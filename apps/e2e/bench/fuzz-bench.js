// Long fuzzing run over the same targets as test/fuzz.test.ts, for the benchmark:
//   FUZZ_RUNS=500000 node bench/fuzz-bench.js     (pnpm bench runs it with the default)
// FUZZ_RUNS is the number of inputs per parser target; the slower targets get a fraction
// (listed in the output). Prints inputs/s per target and the total, and every failed property
// with its shrunk counterexample (exit 1 for a failure only with FUZZ_STRICT=1).
import { hookScriptPath } from "@spoor/cpanel-hook";
import { decodeLine, HOOK_EVENTS } from "@spoor/parsers";
import fc from "fast-check";
import { checkNoForgery, outsiderText } from "../fuzz/forgery-targets.js";
import { hookInput } from "../fuzz/hook-payloads.js";
import { checkHookInProcess, checkHookProcess, makeHookSandbox } from "../fuzz/hook-targets.js";
import { fuzzLine } from "../fuzz/mutations.js";
import { checkLineSplitter, checkParseLine, checkScanInteresting } from "../fuzz/parser-targets.js";
import { CORPUS_DIR, LOG_TYPES, seedLines } from "../fuzz/seeds.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 500_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const HOOK_BUNDLE = hookScriptPath();
const EXTRA_EVENTS = ["login", ...HOOK_EVENTS];

/** @type {Array<{ target: string; inputs: number; seconds: number; failure?: string }>} */
const results = [];

/**
 * @param {string} target
 * @param {number} runs
 * @param {() => fc.IRawProperty<any, any>} property
 */
async function fuzz(target, runs, property) {
  const started = process.hrtime.bigint();
  const details = await fc.check(property(), { numRuns: runs, seed: SEED, endOnFailure: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failure = details.failed
    ? `${String(details.errorInstance ?? "").split("\n")[0]} — counterexample ${JSON.stringify(details.counterexample).slice(0, 300)}`
    : undefined;
  results.push({ target, inputs: details.numRuns, seconds, ...(failure ? { failure } : {}) });
  const rate = Math.round(details.numRuns / seconds).toLocaleString("en-US");
  console.error(
    `${target}: ${details.numRuns.toLocaleString("en-US")} inputs in ${seconds.toFixed(1)} s (${rate}/s)${failure ? ` FAILED: ${failure}` : ""}`,
  );
}

for (const type of LOG_TYPES) {
  const seeds = seedLines(type, CORPUS_DIR);
  await fuzz(`parseLine(${type}) mutated lines`, RUNS, () =>
    fc.property(fuzzLine(seeds), (bytes) => {
      checkParseLine(type, decodeLine(bytes, 0, bytes.length));
    }),
  );
  await fuzz(
    `scanInteresting(${type}) ≡ parseLine+isInteresting (batches ≤ 12 lines)`,
    RUNS / 10,
    () =>
      fc.property(
        fc.array(fuzzLine(seeds), { maxLength: 12 }),
        fc.subarray(EXTRA_EVENTS),
        (lines, extra) => {
          checkScanInteresting(type, lines, extra);
        },
      ),
  );
  await fuzz(`no forged ${type} event from outsider fields`, RUNS / 10, () =>
    fc.property(fc.nat(), outsiderText, (index, text) => {
      checkNoForgery(type, index, text);
    }),
  );
}
const splitterSeeds = seedLines("access", CORPUS_DIR).slice(0, 200);
await fuzz("LineSplitter any chunking", RUNS / 10, () =>
  fc.property(
    fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((raw) => Buffer.from(raw)),
      fc
        .array(fuzzLine(splitterSeeds), { maxLength: 8 })
        .map((lines) => Buffer.from(lines.join("\n"))),
    ),
    fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 8 }),
    (bytes, cuts) => {
      checkLineSplitter(bytes, cuts);
    },
  ),
);
const sandbox = await makeHookSandbox();
try {
  await fuzz("hook payload → entry, in process", RUNS / 25, () =>
    fc.asyncProperty(hookInput(), async (input) => {
      await checkHookInProcess(sandbox, input);
    }),
  );
  await fuzz(
    "hook payload, bundled script as a process",
    Math.max(20, Math.round(RUNS / 2500)),
    () =>
      fc.asyncProperty(hookInput(), async (input) => {
        await checkHookProcess(sandbox, HOOK_BUNDLE, input);
      }),
  );
} finally {
  await sandbox.cleanup();
}

const inputs = results.reduce((sum, r) => sum + r.inputs, 0);
const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(
  JSON.stringify(
    {
      bench: "fuzz",
      seed: SEED,
      runsPerParserTarget: RUNS,
      inputs,
      seconds: Math.round(seconds),
      inputsPerSecond: Math.round(inputs / seconds),
      results,
    },
    null,
    2,
  ),
);
// A failed property is printed above and in the summary; FUZZ_STRICT=1 also fails the run
// (kept off by default so that a known, reported bug does not stop `pnpm bench`).
if (process.env.FUZZ_STRICT === "1" && results.some((r) => r.failure !== undefined))
  process.exitCode = 1;
