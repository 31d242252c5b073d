import { readFile } from "node:fs/promises";
import { parseErrorLine } from "@spoor/parsers";
import { hookPayload, NOBODY } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  type HookSandbox,
  makeSandbox,
  parsedNames,
  readSpooled,
  runHookProcess,
} from "./support/hook-harness.js";
import { EVENT_CASES, SECRET_PASSWORD } from "./support/payloads.js";

const ID = /^[0-9a-f]{32}$/;
const FILE_NAME = /^error\.\d{10}\.\d{7}\.json$/;

let sandbox: HookSandbox | undefined;
afterEach(async () => {
  await sandbox?.cleanup();
  sandbox = undefined;
});

describe.each(EVENT_CASES)("$name ($event)", (testCase) => {
  it("as root: exactly one 0600 spool file holding the entry, nothing printed", async () => {
    sandbox = await makeSandbox(testCase.events);
    const run = await runHookProcess(
      ["--config", sandbox.configPath],
      hookPayload(testCase.event, testCase.data),
    );
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const spooled = await readSpooled(sandbox);
    expect(spooled).toHaveLength(1);
    const [{ name, mode, entry }] = spooled as [(typeof spooled)[0]];
    expect(name).toMatch(FILE_NAME);
    expect(mode).toBe(0o600);
    expect(entry).toEqual({
      ...testCase.expected,
      log_time: expect.any(Number),
      id: expect.stringMatching(ID),
    });
    expect(entry.log_time).toBeGreaterThanOrEqual(Math.floor(run.startedMs / 1000));
    expect(entry.log_time).toBeLessThanOrEqual(Math.ceil(run.endedMs / 1000));
    const bytes = await readFile(`${sandbox.spool.parsed}/${name}`, "utf8");
    expect(bytes).not.toContain(SECRET_PASSWORD);
  });

  it("as nobody: no spool write; the stderr line parses to the same entry", async () => {
    sandbox = await makeSandbox(testCase.events);
    const run = await runHookProcess(
      ["--config", sandbox.configPath],
      hookPayload(testCase.event, testCase.data),
      NOBODY,
    );
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: "" });
    expect(await parsedNames(sandbox)).toEqual([]);
    const lines = run.stderr.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^spoor-cpanel-hook: spool not written as uid 65534: [A-Za-z]+: \/\S+ .*\| event passed through error_log$/,
    );
    expect(lines[2]).toBe("");
    expect(lines[1]).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] info \[spoor_[a-z_]+\] \{[ -~]+\}$/,
    );
    expect(run.stderr).not.toContain(SECRET_PASSWORD);
    const entry = parseErrorLine(lines[1]!);
    expect(entry).toEqual({ ...testCase.expected, log_time: expect.any(Number) });
    expect(entry.log_time).toBeGreaterThanOrEqual(Math.floor(run.startedMs / 1000));
    expect(entry.log_time).toBeLessThanOrEqual(Math.ceil(run.endedMs / 1000));
  });
});
