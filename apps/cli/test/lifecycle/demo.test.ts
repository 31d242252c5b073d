import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/run-cli.js";

const run = promisify(execFile);

/** Command lines of running processes that mention `needle`. */
async function processesMentioning(needle: string): Promise<string[]> {
  const { stdout } = await run("ps", ["-eo", "args="]);
  return stdout.split("\n").filter((line) => line.includes(needle) && !line.startsWith("ps "));
}

/** The temp root and the server identifier the demo narrated. */
function narrated(stdout: string): { root: string; identifier: string } {
  return {
    root: /a throw-away cPanel server in (\S+)/.exec(stdout)?.[1] ?? "(root not narrated)",
    identifier: /--api-identifier (\S+)/.exec(stdout)?.[1] ?? "(identifier not narrated)",
  };
}

describe("spoor demo", () => {
  it("ends with the takeover alert and the signed notification, then leaves nothing running and nothing behind", async () => {
    const result = await runCli(["demo"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const rows = result.stdout
      .split("\n")
      .filter((line) => /^\d+\s+\d{4}-/.test(line))
      .map((line) => line.split(/\s{2,}/).slice(3));
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ["login", "alice@example.com", "203.0.113.77"],
      ["forward_added", "alice@example.com", "203.0.113.77"],
      ["forward_removed", "alice@example.com", "203.0.113.77"],
    ]);
    expect(rows[1]).toContain("attacker@evil.example");
    expect(result.stdout).toMatch(
      /^ALERT high takeover-sequence: alice@example\.com: forwarder to attacker@evil\.example added \d+ s after the first login from 203\.0\.113\.77/m,
    );
    expect(result.stdout).toMatch(
      /^Webhook received \d+ notifications? \(signatures? valid\): (.*, )?HIGH takeover-sequence alert \d+ opened/m,
    );
    expect(result.stdout).toMatch(/stopped the agent \(exit 0\) and the server \(exit 0\)/);
    const { root, identifier } = narrated(result.stdout);
    expect(existsSync(root)).toBe(false);
    expect(await processesMentioning(root)).toEqual([]);
    expect(await processesMentioning(`${identifier}:`)).toEqual([]);
  });

  it("stops every child and removes the temp root on Ctrl-C", async () => {
    const child = spawn(process.execPath, [CLI, "demo"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(" agent: spoor-agent ")) resolve();
      });
      child.on("close", () =>
        reject(new Error(`the demo ended before starting the agent:\n${stdout}${stderr}`)),
      );
    });
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toBe(
      "Interrupted: every child process was stopped and the temp root removed.\n",
    );
    const { root, identifier } = narrated(stdout);
    expect(existsSync(root)).toBe(false);
    expect(await processesMentioning(root)).toEqual([]);
    expect(await processesMentioning(`${identifier}:`)).toEqual([]);
  });
});
