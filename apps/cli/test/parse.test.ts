import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isInteresting, type ParsedEntry, parseLine } from "@spoor/parsers";
import {
  ACCESS_SAMPLES,
  ERROR_SAMPLES,
  LOGIN_SAMPLES,
  type SampleLine,
  SESSION_SAMPLE,
} from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, runCli } from "./helpers/run-cli.js";

const CORPUS = fileURLToPath(new URL("../../../fixtures/cpanel-v120/", import.meta.url));
const MIB = 1024 * 1024;

const jsonLines = (text: string): ParsedEntry[] =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ParsedEntry);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-parse-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeLines(name: string, lines: readonly string[], ending = "\n"): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.map((line) => `${line}${ending}`).join(""));
  return path;
}

describe("spoor parse: the sample lines of original.md §10", () => {
  const cases: Array<[string, SampleLine[]]> = [
    ["access", ACCESS_SAMPLES],
    ["login", LOGIN_SAMPLES],
    ["error", ERROR_SAMPLES],
    ["session", [SESSION_SAMPLE]],
  ];
  for (const [type, samples] of cases) {
    it(`prints one whole object per ${type} line, in order`, async () => {
      const file = await writeLines(
        `${type}.log`,
        samples.map((s) => s.line),
      );
      const result = await runCli(["parse", type, file]);
      expect({ ...result, stdout: jsonLines(result.stdout) }).toEqual({
        code: 0,
        stderr: "",
        stdout: samples.map((s) => s.entry),
      });
    });
  }

  it("prints only what the agent spools with --interesting (A1, R1, L1, E1, the webmail session)", async () => {
    const expected: Record<string, string[]> = {
      access: ["A1", "R1"],
      login: ["L1"],
      error: ["E1"],
      session: ["S1"],
    };
    for (const [type, samples] of cases) {
      const file = await writeLines(
        `${type}-interesting.log`,
        samples.map((s) => s.line),
      );
      const result = await runCli(["parse", type, file, "--interesting"]);
      expect(result.code).toBe(0);
      expect(jsonLines(result.stdout)).toEqual(
        samples.filter((s) => expected[type]!.includes(s.name)).map((s) => s.entry),
      );
    }
  });

  it("reads the R6 line (binary TLS garbage with an embedded newline) as two unrecognised lines", async () => {
    const line =
      '10.0.0.1 - - [04/05/2019:01:31:09 -0000] "\u0016\u0003\u0001\ufffd\ufffd\n\ufffd\u0001\ufffd" 400 0 "-" "-" "-" "-" 2082';
    const result = await runCli(["parse", "access"], { input: `${line}\n` });
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout:
        '{"type":"access","event":"unrecognised"}\n{"type":"access","event":"unrecognised"}\n',
    });
  });
});

describe("spoor parse: input handling", () => {
  it("reads stdin without a file and removes the \\r of \\r\\n endings", async () => {
    const input = `${LOGIN_SAMPLES[0]!.line}\r\n${LOGIN_SAMPLES[2]!.line}\r\nnot a login line\r\n`;
    const result = await runCli(["parse", "login"], { input });
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      LOGIN_SAMPLES[0]!.entry,
      LOGIN_SAMPLES[2]!.entry,
      { type: "login", event: "unrecognised" },
    ]);
    const interesting = await runCli(["parse", "login", "--interesting"], { input });
    expect(jsonLines(interesting.stdout)).toEqual([LOGIN_SAMPLES[0]!.entry]);
  });

  it("prints a last line without a newline, and blank lines as unrecognised", async () => {
    const input = `${LOGIN_SAMPLES[3]!.line}\n\n${LOGIN_SAMPLES[4]!.line}`;
    const result = await runCli(["parse", "login"], { input });
    expect(jsonLines(result.stdout)).toEqual([
      LOGIN_SAMPLES[3]!.entry,
      { type: "login", event: "unrecognised" },
      LOGIN_SAMPLES[4]!.entry,
    ]);
  });

  it("reads several files one after the other", async () => {
    const first = await writeLines("first.log", [LOGIN_SAMPLES[0]!.line, LOGIN_SAMPLES[1]!.line]);
    const second = await writeLines("second.log", [LOGIN_SAMPLES[5]!.line]);
    const result = await runCli(["parse", "login", first, second]);
    expect(jsonLines(result.stdout)).toEqual([
      LOGIN_SAMPLES[0]!.entry,
      LOGIN_SAMPLES[1]!.entry,
      LOGIN_SAMPLES[5]!.entry,
    ]);
  });

  it("refuses an unknown TYPE with one line on stderr and exit 2", async () => {
    const result = await runCli(["parse", "mail"], { input: "x\n" });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: 'Error: unknown log type "mail" (expected one of: access, error, login, session)\n',
    });
  });

  it("refuses a missing file with one line and exit 2, before printing anything", async () => {
    const present = await writeLines("present.log", [LOGIN_SAMPLES[0]!.line]);
    const missing = join(dir, "missing.log");
    const result = await runCli(["parse", "login", present, missing]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `Error: cannot read ${missing}: no such file\n`,
    });
  });

  it("refuses a directory with one line and exit 2", async () => {
    const result = await runCli(["parse", "login", dir]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `Error: cannot read ${dir}: is a directory\n`,
    });
  });

  for (const type of ["access", "error", "login", "session"]) {
    it(`finds nothing interesting in the real cPanel ${type}_log`, async () => {
      const result = await runCli(["parse", type, join(CORPUS, `${type}_log`), "--interesting"]);
      expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    });
  }
});

describe("spoor parse: a file larger than one read chunk", () => {
  let file: string;
  let lines: string[];
  let inserted: Map<number, SampleLine>;

  beforeAll(async () => {
    const corpus = (await readFile(join(CORPUS, "access_log"), "latin1"))
      .split("\n")
      .filter((l) => l !== "");
    const a1 = ACCESS_SAMPLES[0]!;
    const r1 = ACCESS_SAMPLES[5]!;
    lines = [];
    inserted = new Map();
    let bytes = 0;
    const push = (line: string, sample?: SampleLine) => {
      if (sample) inserted.set(lines.length, sample);
      lines.push(line);
      bytes += Buffer.byteLength(line, "latin1") + 1;
    };
    let straddled = false;
    for (let round = 0; round < 2; round += 1) {
      corpus.forEach((line, index) => {
        if (index % 700 === 0)
          push(index % 1400 === 0 ? a1.line : r1.line, index % 1400 === 0 ? a1 : r1);
        // Make A1 straddle the first 1 MiB chunk boundary: pad with a filler line so that
        // it starts 100 bytes before it.
        if (!straddled && bytes + 2000 > MIB) {
          push("x".repeat(MIB - 100 - bytes - 1));
          push(a1.line, a1);
          straddled = true;
        }
        push(line);
      });
    }
    file = join(dir, "big_access_log");
    await writeFile(file, Buffer.from(lines.map((l) => `${l}\n`).join(""), "latin1"));
    expect(bytes).toBeGreaterThan(2 * MIB);
  });

  it("prints one object per line in input order (equal to parseLine line by line)", async () => {
    const result = await runCli(["parse", "access", file]);
    expect(result.code).toBe(0);
    const printed = jsonLines(result.stdout);
    expect(printed.length).toBe(lines.length);
    const raw = await readFile(file);
    const expected: ParsedEntry[] = [];
    let start = 0;
    for (let end = raw.indexOf(10); end !== -1; end = raw.indexOf(10, start)) {
      expected.push(parseLine("access", raw.subarray(start, end).toString("utf8")));
      start = end + 1;
    }
    expect(printed).toEqual(expected);
    for (const [index, sample] of inserted) expect(printed[index]).toEqual(sample.entry);
  });

  it("--interesting prints exactly the interesting entries of the full output, in order", async () => {
    const [full, interesting] = await Promise.all([
      runCli(["parse", "access", file]),
      runCli(["parse", "access", file, "--interesting"]),
    ]);
    const expected = jsonLines(full.stdout).filter((entry) => isInteresting(entry));
    expect(expected.length).toBe(
      [...inserted.values()].filter((s) => s.name === "A1" || s.name === "R1").length,
    );
    expect(jsonLines(interesting.stdout)).toEqual(expected);
  });

  it("gives the same output from stdin in small pipe chunks", async () => {
    const [fromFile, fromStdin] = await Promise.all([
      runCli(["parse", "access", file, "--interesting"]),
      runCli(["parse", "access", "--interesting"], { input: await readFile(file) }),
    ]);
    expect(fromStdin).toEqual(fromFile);
  });

  it("exits quietly when the reader goes away (| head -n 1)", async () => {
    const script = `node ${JSON.stringify(CLI)} parse access ${JSON.stringify(file)} | head -n 1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn("bash", ["-c", script]);
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.stderr.on("data", (chunk) => (err += chunk));
        child.on("error", reject);
        child.on("close", () => resolve({ stdout: out, stderr: err }));
      },
    );
    expect(jsonLines(stdout)).toEqual([parseLine("access", lines[0]!)]);
    expect(stderr).toBe("status=0\n");
  });
});
