import { chmod, chown, mkdir, readdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { parseErrorLine } from "@spoor/parsers";
import { hookPayload, NOBODY } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  HOOK_BIN,
  type HookSandbox,
  makeSandbox,
  parsedNames,
  readSpooled,
  runHookProcess,
  snapshotTree,
} from "./support/hook-harness.js";
import { E1_DATA, EVENT_CASES } from "./support/payloads.js";

const ADD = "UAPI::Email::add_forwarder";
const E1 = hookPayload(ADD, E1_DATA);
const E1_ENTRY = EVENT_CASES[0]!.expected;
const quiet = { code: 0, stdout: "", stderr: "" };

let sandbox: HookSandbox | undefined;
afterEach(async () => {
  await sandbox?.cleanup();
  sandbox = undefined;
});

async function run(input: string | Buffer, script?: string) {
  const result = await runHookProcess(
    ["--config", sandbox!.configPath],
    input,
    script === undefined ? {} : { script },
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe("what the direct route spools", () => {
  it("spools only what the agent would (contract §3): E2 and a removal need opting in", async () => {
    sandbox = await makeSandbox();
    const before = await snapshotTree(sandbox.root);
    for (const testCase of EVENT_CASES.filter((c) => c.events.length > 0)) {
      expect(await run(hookPayload(testCase.event, testCase.data))).toEqual(quiet);
    }
    expect(await snapshotTree(sandbox.root)).toEqual(before);
  });

  it("one run, one file: the same call twice gives two entries with different ids", async () => {
    sandbox = await makeSandbox();
    expect(await run(E1)).toEqual(quiet);
    expect(await run(E1)).toEqual(quiet);
    const spooled = await readSpooled(sandbox);
    expect(spooled.map(({ entry: { id: _, log_time: __, ...rest } }) => rest)).toEqual([
      E1_ENTRY,
      E1_ENTRY,
    ]);
    expect(new Set(spooled.map(({ entry }) => entry.id)).size).toBe(2);
  });

  it("copies only the fields it needs: a huge or deeply nested unused field is never written", async () => {
    sandbox = await makeSandbox();
    const noise = `{"nested":${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
    const input = E1.replace(
      '"failmsgs":""',
      `"failmsgs":"${"x".repeat(800_000)}","noise":${noise}`,
    );
    expect(input.length).toBeGreaterThan(900_000);
    expect(await run(input)).toEqual(quiet);
    const [file] = await parsedNames(sandbox);
    const bytes = await readFile(join(sandbox.spool.parsed, file!), "utf8");
    expect(bytes.length).toBeLessThan(400);
    expect(
      (await readSpooled(sandbox)).map(({ entry: { id: _, log_time: __, ...rest } }) => rest),
    ).toEqual([E1_ENTRY]);
  });

  it("never reads inherited fields: a __proto__ domain does not make the context domain", async () => {
    sandbox = await makeSandbox();
    const args = JSON.stringify(E1_DATA.args).replace(
      '"domain":""',
      '"__proto__":{"domain":"spoor.test"}',
    );
    const input = E1.replace(JSON.stringify(E1_DATA.args), args);
    expect(input).toContain('"__proto__":{"domain":"spoor.test"}');
    expect(await run(input)).toEqual(quiet);
    expect((await readSpooled(sandbox)).map(({ entry }) => entry.context)).toEqual(["mailbox"]);
  });

  it("reads a payload of just under 1 MiB", async () => {
    sandbox = await makeSandbox();
    expect(await run(E1.padEnd(1024 * 1024, " "))).toEqual(quiet);
    expect(await parsedNames(sandbox)).toHaveLength(1);
  });

  it("gives up on a STDIN that never ends, recording nothing", async () => {
    sandbox = await makeSandbox();
    const result = await runHookProcess(["--config", sandbox.configPath], E1, {
      keepStdinOpen: true,
    });
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 1,
      stdout: "",
      stderr: "spoor-cpanel-hook: payload rejected: unreadable (stdin timeout)\n",
    });
    expect(await parsedNames(sandbox)).toEqual([]);
  });

  it("keeps non-ASCII addresses: the entry has them, the error_log line escapes them", async () => {
    sandbox = await makeSandbox();
    const input = E1.replaceAll("victim@spoor.test", "jörg@bücher.test");
    expect(await run(input)).toEqual(quiet);
    const [direct] = await readSpooled(sandbox);
    expect(direct?.entry.email).toBe("jörg@bücher.test");
    const fallback = await runHookProcess(["--config", sandbox.configPath], input, NOBODY);
    const line = fallback.stderr.split("\n")[1]!;
    expect(line).toMatch(/^[ -~]+$/);
    expect(line).toContain("j\\u00f6rg@b\\u00fccher.test");
    const { id: _, log_time: __, ...expected } = direct!.entry;
    expect({ ...parseErrorLine(line), log_time: undefined }).toEqual({
      ...expected,
      log_time: undefined,
    });
  });

  it("works the same through bin/spoor-cpanel-hook.js", async () => {
    sandbox = await makeSandbox();
    expect(await run(E1, HOOK_BIN)).toEqual(quiet);
    expect(
      (await readSpooled(sandbox)).map(({ entry: { id: _, log_time: __, ...rest } }) => rest),
    ).toEqual([E1_ENTRY]);
  });
});

describe("falling back to error_log when the spool cannot be used (as root)", () => {
  const fellBack = (because: RegExp) => ({
    code: 0,
    stdout: "",
    stderr: expect.stringMatching(
      new RegExp(
        `^spoor-cpanel-hook: spool not written as uid 0: (${because.source})(: /[^\\n]+)? \\| event passed through error_log\\n\\[[^\\]]+\\] info \\[spoor_forward_added\\] \\{[^\\n]+\\}\\n$`,
      ),
    ),
  });

  it("refuses a symlinked spool directory and writes nothing through it", async () => {
    sandbox = await makeSandbox();
    const elsewhere = join(sandbox.root, "elsewhere");
    await mkdir(elsewhere, { mode: 0o700 });
    await mkdir(join(sandbox.root, "state"), { mode: 0o700 });
    await symlink(elsewhere, sandbox.spool.parsed);
    expect(await run(E1)).toEqual(fellBack(/PermissionError|SpoolPermissionError/));
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it("refuses a spool directory owned by someone else", async () => {
    sandbox = await makeSandbox();
    await mkdir(sandbox.spool.parsed, { recursive: true, mode: 0o700 });
    await chown(sandbox.spool.parsed, 65534, 65534);
    expect(await run(E1)).toEqual(fellBack(/PermissionError|SpoolPermissionError/));
    expect(await readdir(sandbox.spool.parsed)).toEqual([]);
  });

  it("refuses a config readable by others", async () => {
    sandbox = await makeSandbox();
    await chmod(sandbox.configPath, 0o644);
    expect(await run(E1)).toEqual(fellBack(/PermissionError/));
    expect((await run(E1)).stderr).toMatch(/^[^\n]+: PermissionError: \/\S+ /);
    expect(await parsedNames(sandbox)).toEqual([]);
  });

  it("passes the event on when the spool is full", async () => {
    sandbox = await makeSandbox([], { spool_max_entries: 1 });
    expect(await run(E1)).toEqual(quiet);
    expect(await run(E1)).toEqual(fellBack(/SpoolFullError/));
    expect(await parsedNames(sandbox)).toHaveLength(1);
  });
});
