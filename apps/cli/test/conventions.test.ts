import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { makeTempRoot } from "./helpers/temp-root.js";

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

describe("help-text polish", () => {
  it("shows parse TYPE once and spool retry as NAME | --all", async () => {
    expect((await runCli(["parse", "--help"])).stdout).toContain(
      "USAGE\n  $ spoor parse TYPE [FILE...] [--interesting]\n",
    );
    expect((await runCli(["spool", "retry", "--help"])).stdout).toContain(
      "USAGE\n  $ spoor spool retry NAME | --all [--config PATH] [--root DIR]\n",
    );
  });

  it("describes --root the same way in every command", async () => {
    const descriptions = new Set<string>();
    for (const command of [["install"], ["uninstall"], ["doctor"], ["agent"], ["spool", "list"]]) {
      const help = (await runCli([...command, "--help"])).stdout;
      const match = /--root=<value>\s+(?:\[default: \/\]\s+)?([\s\S]*?\))\n(?:\s*\n| {2}-)/.exec(
        help,
      );
      descriptions.add(match?.[1]?.replace(/\s+/g, " ") ?? `missing in ${command.join(" ")}`);
    }
    expect([...descriptions]).toEqual([
      "the system root spoor's paths are under (default /; another directory is a self-contained sandbox for tests and staging)",
    ]);
  });

  it("says there was nothing to uninstall when nothing was installed", async () => {
    const root = await mkdtemp(join(tmpdir(), "spoor-nothing-"));
    try {
      const result = await runCli(["uninstall", "--root", root, "--yes"]);
      expect(result.code).toBe(0);
      expect(result.stdout.split("\n")[0]).toBe(
        `Nothing to uninstall under ${root}: spoor's units and hook are not installed there`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("a 404 points at the host and endpoint, not at the credentials", async () => {
    const server = createServer((_request, response) => response.writeHead(404).end("{}"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wrong-base`;
    const root = await makeTempRoot({
      host: url,
      credentials: { api_identifier: "id", api_secret: "s" },
    });
    try {
      const result = await runCli(["report", "list", "--root", root.root, "--host", "h"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/HTTP 404/);
      expect(result.stderr.split("\n")[1]).toBe(
        "Fix: check transmission.host (and its path) and transmission.endpoints.report: this URL is not a Spoor API endpoint",
      );
    } finally {
      server.close();
      await root.remove();
    }
  });
});
