// Throughput of @spoor/parsers on the real cPanel access_log, concatenated in memory to at
// least 200 MB with a few interesting lines mixed in. Run after a build:
//   pnpm --filter @spoor/parsers bench     (or: cd packages/parsers && node bench/parse-bench.js)
import { readFileSync } from "node:fs";
import os from "node:os";
import { decodeLine, LineSplitter, parseLine, scanInteresting } from "../dist/index.js";

const TARGET_BYTES = 200 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const ROUNDS = 5;

const corpus = readFileSync(new URL("../../../fixtures/cpanel-v120/access_log", import.meta.url));
const tail =
  ' 0 "https://mail.example.net:2096/" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" "s" "-" 2096\n';
const interesting = [
  `203.0.113.9 - victim%40example.net [08/16/2024:18:01:02 -0000] "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200${tail}`,
  `203.0.113.9 - victim%40example.net [08/16/2024:18:01:09 -0000] "GET /cpsess1234567890/webmail/jupiter/mail/dodelfwd.html?email=victim%40example.net&emaildest=thief%40example.org HTTP/1.1" 200${tail}`,
  `203.0.113.9 - victim%40example.net [08/16/2024:18:01:15 -0000] "GET /cpsess1234567890/execute/Email/delete_forwarder?address=victim%40example.net&forwarder=thief%40example.org HTTP/1.1" 200${tail}`,
];

/** The corpus with the interesting lines spread through it, repeated to ≥ 200 MB. */
function buildInput(base) {
  const lines = base.toString("latin1").split("\n").slice(0, -1);
  const step = Math.floor(lines.length / (interesting.length + 1));
  for (const [index, line] of interesting.entries()) {
    lines.splice((index + 1) * step, 0, line.slice(0, -1));
  }
  const block = Buffer.from(`${lines.join("\n")}\n`, "latin1");
  const repeats = Math.ceil(TARGET_BYTES / block.length);
  const input = Buffer.allocUnsafe(block.length * repeats);
  for (let index = 0; index < repeats; index += 1) block.copy(input, index * block.length);
  return {
    input,
    lineCount: lines.length * repeats,
    interestingCount: interesting.length * repeats,
  };
}

/** Calls `each(start, end)` for consecutive ≤ 1 MiB ranges of whole lines, as the follower batches. */
function forEachChunk(input, each) {
  let start = 0;
  while (start < input.length) {
    let end = Math.min(start + CHUNK_BYTES, input.length);
    if (end < input.length) end = input.lastIndexOf(10, end - 1) + 1;
    each(start, end);
    start = end;
  }
}

function hotPath({ input }) {
  let lines = 0;
  let found = 0;
  forEachChunk(input, (start, end) => {
    lines += scanInteresting("access", input, start, end, () => {
      found += 1;
    });
  });
  return { lines, found };
}

function fullParse({ input }) {
  const splitter = new LineSplitter();
  let lines = 0;
  let found = 0;
  const onLine = (bytes, start, end) => {
    lines += 1;
    if (parseLine("access", decodeLine(bytes, start, end)).event !== "unrecognised") found += 1;
  };
  forEachChunk(input, (start, end) => splitter.push(input.subarray(start, end), onLine));
  splitter.end(onLine);
  return { lines, found };
}

function measure(name, data, run) {
  let result = run(data); // warm-up: JIT and page faults, not timed
  const seconds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const began = process.hrtime.bigint();
    result = run(data);
    seconds.push(Number(process.hrtime.bigint() - began) / 1e9);
  }
  if (result.lines !== data.lineCount)
    throw new Error(`${name}: ${result.lines} lines, expected ${data.lineCount}`);
  if (result.found !== data.interestingCount) {
    throw new Error(`${name}: found ${result.found} events, expected ${data.interestingCount}`);
  }
  const median = seconds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
  return {
    name,
    lines: result.lines,
    seconds: median,
    linesPerSecond: result.lines / median,
    megabytesPerSecond: data.input.length / 1e6 / median,
  };
}

const realistic = buildInput(corpus);
// A webmail-heavy variant: every authenticated user becomes a mailbox (`%40`), so the access
// prefilter's first needle matches nearly every line and its second check does the work.
const webmail = buildInput(
  Buffer.from(
    corpus.toString("latin1").replace(/ - (root|ali|ehsan|kotlinx) \[/g, " - $1%40example.net ["),
    "latin1",
  ),
);

const rows = [
  measure("scanInteresting (hot path), 1 MiB chunks", realistic, hotPath),
  measure("scanInteresting, webmail-heavy variant", webmail, hotPath),
  measure("split + decodeLine + parseLine, every line", realistic, fullParse),
];

const format = (value) => Math.round(value).toLocaleString("en-US");
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown"} (${os.cpus().length} cores), ${os.type()} ${os.release()}, node ${process.version}`,
);
console.log(
  `input:   ${(realistic.input.length / 1e6).toFixed(1)} MB, real access_log repeated (${format(realistic.lineCount)} lines, ${format(realistic.interestingCount)} interesting); median of ${ROUNDS} runs after a warm-up`,
);
console.log("");
console.log(
  `${"path".padEnd(46)} ${"lines/s".padStart(12)} ${"MB/s".padStart(8)} ${"seconds".padStart(8)}`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(46)} ${format(row.linesPerSecond).padStart(12)} ${format(row.megabytesPerSecond).padStart(8)} ${row.seconds.toFixed(3).padStart(8)}`,
  );
}
console.log("");
console.log("The Perl original parsed about 1,650 lines/s (original.md §0).");
