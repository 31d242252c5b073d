import { chmod, readFile, writeFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

let root: TempRoot;
beforeEach(async () => {
  root = await makeTempRoot();
});
afterEach(async () => {
  await root.remove();
});

describe("user-fixable errors: message and fix, exit 1, no stack", () => {
  it("a config file that is not YAML", async () => {
    await writeFile(root.configPath, "followers: [\n  bad");
    const expected = {
      code: 1,
      stdout: "",
      stderr: `Error: ${root.configPath} is not valid YAML: BAD_INDENT at line 2, column 6.\nFix: correct line 2 of ${root.configPath} (indent with spaces; quote values holding ": " or " #")\n`,
    };
    for (const command of [
      ["agent"],
      ["transmit"],
      ["report", "list"],
      ["spool", "list"],
      ["backfill", "access", root.configPath],
    ]) {
      expect(await runCli([...command, "--root", root.root])).toEqual(expected);
    }
  });

  it("a misspelt key, naming the key that was meant", async () => {
    const text = await readFile(root.configPath, "utf8");
    await writeFile(root.configPath, text.replace("transmission:", "transmision:"));
    const expected = {
      code: 1,
      stdout: "",
      stderr: `Error: transmision: unknown key in ${root.configPath}; did you mean transmission? (known keys at the top level: followers, transmission, application)\nFix: rename "transmision" to "transmission" in ${root.configPath}\n`,
    };
    for (const command of [["agent"], ["transmit", "--once"], ["report", "list"]]) {
      expect(await runCli([...command, "--root", root.root])).toEqual(expected);
    }
  });

  it("a config file open to others", async () => {
    await chmod(root.configPath, 0o644);
    const result = await runCli(["mailbox-event", "list", "--root", root.root]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error: ${root.configPath} has mode 0644; expected 0600.\nFix: chmod 0600 ${root.configPath}\n`,
    });
  });

  it("a configuration that does not exist", async () => {
    const result = await runCli(["transmit", "--config", `${root.root}/nowhere.yml`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: .*nowhere\.yml/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
