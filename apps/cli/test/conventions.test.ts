import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

describe("CLI conventions", () => {
  it("spoor -h lists every command on one line, each with its summary", async () => {
    const result = await runCli(["-h"]);
    expect(result.code).toBe(0);
    const commands = result.stdout.split("COMMANDS\n")[1]!.trimEnd().split("\n");
    expect(commands.length).toBeGreaterThan(10);
    // one line per command: no continuation lines, and a summary on every one
    for (const line of commands) expect(line).toMatch(/^ {2}[a-z-]+ +\S.*$/);
    expect(result.stdout).toContain("  status ");
    expect(result.stdout).toContain("  version ");
  });

  it("spoor -v, --version and spoor version print the version", async () => {
    const expected = expect.stringMatching(/^@spoor\/cli\/\d+\.\d+\.\d+ \S+ node-v\d+/);
    for (const args of [["-v"], ["--version"], ["version"]]) {
      const result = await runCli(args);
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: expected });
    }
  });

  it("a typo gets the command that was meant, in one line, exit 127", async () => {
    expect(await runCli(["repot", "list"])).toEqual({
      code: 127,
      stdout: "",
      stderr:
        "Error: repot list is not a spoor command. Did you mean report list? Run spoor help for the list.\n",
    });
    const far = await runCli(["zzzzzz"]);
    expect(far.code).toBe(127);
    expect(far.stderr).not.toContain("Did you mean");
  });

  it("commands that print data take --json besides --output json", async () => {
    for (const command of [["status"], ["doctor"], ["report", "list"], ["mailbox-event", "list"]]) {
      const help = await runCli([...command, "--help"]);
      expect(help.stdout).toMatch(/--json +print JSON \(the same as --output json\)/);
    }
  });
});
