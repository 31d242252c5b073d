import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@spoor/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/run-cli.js";

const SECRET = "tty-Secret-never-echoed-9";
const SCRIPT = "/usr/bin/script";
const hasScript = existsSync(SCRIPT);
let directory: string;
let root: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-install-tty-"));
  root = join(directory, "root");
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Runs the interactive installer on a pseudo-terminal (script(1)), answering each prompt
 *  only once it is shown, as a person would. */
function runOnTerminal(
  answers: ReadonlyArray<[string, string]>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = `${process.execPath} ${CLI} install --root ${root}`;
    const child = spawn(SCRIPT, ["-qec", command, "/dev/null"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let next = 0;
    let searchFrom = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      while (next < answers.length) {
        const [prompt, answer] = answers[next]!;
        const at = output.indexOf(prompt, searchFrom);
        if (at === -1) break;
        searchFrom = at + prompt.length;
        child.stdin.write(`${answer}\r`);
        next += 1;
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe(`spoor install on a terminal (${hasScript ? "a pseudo-terminal through script(1)" : "script(1) is missing: through a pipe instead"})`, () => {
  it("masks the secret with * and never shows it", async () => {
    const answers: Array<[string, string]> = [
      ["login log [", ""],
      ["access log [", ""],
      ["error log [", ""],
      ["session log [", ""],
      ["API identifier: ", "tty-id"],
      ["API secret: ", SECRET],
      ["API host [", "http://127.0.0.1:9"],
    ];
    const result = hasScript
      ? await runOnTerminal(answers)
      : await runCli(["install", "--root", root], {
          input: `${answers.map(([, answer]) => answer).join("\n")}\n`,
        }).then((piped) => ({ code: piped.code, output: `${piped.stdout}${piped.stderr}` }));
    expect(result.code).toBe(0);
    expect(result.output).not.toContain(SECRET);
    const stars = hasScript ? "*".repeat(SECRET.length) : "";
    expect(result.output).toContain(`Please provide your Spoor API secret: ${stars}`);
    expect(result.output).toContain("Please provide your Spoor API identifier: tty-id");
    const config = await loadConfig({ path: join(root, "etc/spoor/spoor.yml") });
    expect(config.transmission.credentials).toEqual({
      api_identifier: "tty-id",
      api_secret: SECRET,
    });
  });
});
