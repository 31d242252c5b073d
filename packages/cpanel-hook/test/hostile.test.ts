import { hookPayload } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  type HookSandbox,
  makeSandbox,
  runHookProcess,
  snapshotTree,
} from "./support/hook-harness.js";
import { E1_DATA } from "./support/payloads.js";

const ADD = "UAPI::Email::add_forwarder";
const E1_RESULT = E1_DATA.result[0]!;
const withResult = (result: unknown) => hookPayload(ADD, { ...E1_DATA, result });
const withFirst = (extra: Record<string, unknown>) => withResult([{ ...E1_RESULT, ...extra }]);
const CONTEXT = { category: "Cpanel", event: ADD, stage: "post", point: "main" };
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

let sandbox: HookSandbox | undefined;
afterEach(async () => {
  await sandbox?.cleanup();
  sandbox = undefined;
});

/** Runs `input` as root with a config that opts into every forwarder case. */
async function runRejected(input: string | Buffer) {
  sandbox = await makeSandbox(["forward_added_partial_recipient"]);
  const before = await snapshotTree(sandbox.root);
  const run = await runHookProcess(["--config", sandbox.configPath], input);
  return {
    outcome: { code: run.code, stdout: run.stdout, stderr: run.stderr },
    untouched: (await snapshotTree(sandbox.root)).join("\n") === before.join("\n"),
  };
}

const rejected = (reason: string) => ({
  code: 1,
  stdout: "",
  stderr: `spoor-cpanel-hook: payload rejected: ${reason}\n`,
});

describe("hostile or broken input: nothing recorded, nothing touched, nothing on stdout", () => {
  it.each<[string, string | Buffer, string]>([
    ["empty stdin", "", "empty"],
    ["only whitespace", " \n\t ", "empty"],
    [
      "invalid UTF-8",
      Buffer.concat([
        Buffer.from('{"context":{"event":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}}'),
      ]),
      "not-utf8",
    ],
    ["binary garbage", Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xfe, 0xff, 0x7b, 0x0a]), "not-utf8"],
    ["truncated JSON", withResult([E1_RESULT]).slice(0, 80), "bad-json"],
    ["two documents", `${withResult([E1_RESULT])}${withResult([E1_RESULT])}`, "bad-json"],
    ["a top-level array", "[1,2,3]", "bad-shape ((document))"],
    ["a number", "42", "bad-shape ((document))"],
    ["null", "null", "bad-shape ((document))"],
    ["a string", '"UAPI::Email::add_forwarder"', "bad-shape ((document))"],
    [
      "context as an array",
      JSON.stringify({ context: [ADD], data: E1_DATA }),
      "bad-shape (context)",
    ],
    ["context null", JSON.stringify({ context: null, data: E1_DATA }), "bad-shape (context)"],
    ["no data", JSON.stringify({ context: CONTEXT }), "bad-shape (data)"],
    ["data as an array", JSON.stringify({ context: CONTEXT, data: [E1_DATA] }), "bad-shape (data)"],
    [
      "event as an object",
      JSON.stringify({ context: { event: { name: ADD } }, data: E1_DATA }),
      "bad-field (context.event)",
    ],
    [
      "event with a newline",
      JSON.stringify({ context: { event: `${ADD}\n` }, data: E1_DATA }),
      "bad-field (context.event)",
    ],
    ["an unsupported event", hookPayload("UAPI::Email::list_pops", E1_DATA), "unsupported-event"],
    [
      "an event in the wrong case",
      hookPayload("uapi::email::add_forwarder", E1_DATA),
      "unsupported-event",
    ],
    [
      "args as an array",
      hookPayload(ADD, { ...E1_DATA, args: [E1_DATA.args] }),
      "bad-shape (data.args)",
    ],
    ["result as a string", withResult("victim@spoor.test"), "bad-field (data.result)"],
    ["an empty result", withResult([]), "bad-field (data.result)"],
    ["a number as result element", withResult([1]), "bad-shape (data.result[0])"],
    [
      "result nested 100000 deep",
      `{"context":${JSON.stringify(CONTEXT)},"data":{"result":[${deep(100_000)}]}}`,
      "bad-shape (data.result[0])",
    ],
    ["a number as forward", withFirst({ forward: 5 }), "bad-field (data.result[0].forward)"],
    ["null email", withFirst({ email: null }), "bad-field (data.result[0].email)"],
    [
      "NUL in an address",
      withFirst({ email: "victim\u0000@spoor.test" }),
      "bad-field (data.result[0].email)",
    ],
    [
      "a forged log line in an address",
      withFirst({
        forward: 'x@y.test\n[2019-02-10 10:24:17 +0000] info [spoor_forward_added] {"args":{}}',
      }),
      "bad-field (data.result[0].forward)",
    ],
    [
      "a C1 control (NEL) in the domain",
      hookPayload(ADD, { ...E1_DATA, args: { ...E1_DATA.args, domain: "spoor\u0085.test" } }),
      "bad-field (data.args.domain)",
    ],
    [
      "U+2028 in an address",
      withFirst({ forward: "dodgy\u2028@dodgydomain.test" }),
      "bad-field (data.result[0].forward)",
    ],
    [
      "a bidi override in an address",
      withFirst({ forward: "\u202emoc.live@ydgod" }),
      "bad-field (data.result[0].forward)",
    ],
    [
      "a lone surrogate",
      withResult([E1_RESULT]).replace("victim@spoor.test", "victim\\ud800@spoor.test"),
      "bad-field (data.result[0].email)",
    ],
    [
      "a 5000-character address",
      withFirst({ forward: `${"a".repeat(4990)}@evil.test` }),
      "bad-field (data.result[0].forward)",
    ],
    [
      "__proto__ instead of own data fields",
      `{"context":${JSON.stringify(CONTEXT)},"data":{"__proto__":${JSON.stringify(E1_DATA)}}}`,
      "bad-field (data.result)",
    ],
    [
      "__proto__ instead of an own context",
      `{"__proto__":{"context":${JSON.stringify(CONTEXT)}},"data":${JSON.stringify(E1_DATA)}}`,
      "bad-shape (context)",
    ],
    [
      "forty 500-character destinations (an entry over 16 KiB)",
      withResult(
        Array.from({ length: 40 }, (_, i) => ({
          ...E1_RESULT,
          forward: `${i}${"d".repeat(490)}@evil.test`,
        })),
      ),
      "too-large (entry)",
    ],
    ["2 MiB of input", Buffer.alloc(2 * 1024 * 1024, 0x20), "too-large"],
    [
      "1 MiB + 1 byte of valid JSON",
      withResult([E1_RESULT]).padEnd(1024 * 1024 + 1, " "),
      "too-large",
    ],
  ])("%s", async (_name, input, reason) => {
    const { outcome, untouched } = await runRejected(input);
    expect(outcome).toEqual(rejected(reason));
    expect(untouched).toBe(true);
  });
});

describe("calls that did not succeed, and runs that are not the post stage: skipped silently", () => {
  const skipped = { code: 0, stdout: "", stderr: "" };
  it.each<[string, string]>([
    ["a pre-stage run", hookPayload(ADD, E1_DATA, "pre")],
    [
      "a check sub-hook",
      JSON.stringify({ context: { ...CONTEXT, point: "check" }, data: E1_DATA }),
    ],
    ["UAPI result 0", withResult(0)],
    ["UAPI result object with status 0", withResult({ status: 0, data: null, errors: ["nope"] })],
    [
      "API2 output with status 0",
      hookPayload("Api2::Email::addforward", {
        ...E1_DATA,
        result: undefined,
        output: [{ status: 0, statusmsg: "failed" }],
      }),
    ],
    [
      "API2 without output",
      hookPayload("Api2::Email::delforward", {
        args: { email: "victim@spoor.test", emaildest: "x@y.test" },
        user: "spoortest",
      }),
    ],
    [
      "API2 output false",
      hookPayload("Api2::Email::passwdpop", {
        args: { email: "victim@spoor.test", password: "x" },
        output: false,
      }),
    ],
    [
      "API2 result 0",
      hookPayload("Api2::Email::addpop", {
        args: { email: "a", domain: "b.test" },
        output: [{ reason: "no" }],
        result: 0,
      }),
    ],
  ])("%s", async (_name, input) => {
    const { outcome, untouched } = await runRejected(input);
    expect(outcome).toEqual(skipped);
    expect(untouched).toBe(true);
  });
});
