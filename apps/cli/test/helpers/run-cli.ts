import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { planCheckoutRun } from "@spoor/test-support";

/** The built CLI's entry (tests run against dist, as users do). */
export const CLI = fileURLToPath(new URL("../../bin/run.js", import.meta.url));
/** The repository root: what a run as another user sees (the CLI needs its node_modules). */
const CHECKOUT = fileURLToPath(new URL("../../../../", import.meta.url));

/** What a finished CLI process left behind. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runNode}. */
export interface RunOptions {
  /** Bytes or text written to stdin (stdin is closed either way). */
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /**
   * Run as this user and group (the tests run as root; e.g. 65534, nobody), through a view of
   * the checkout of its own (planCheckoutRun), so that a checkout under a 0700 directory works.
   */
  user?: { uid: number; gid: number };
}

/** Runs `node <script> ...args` (a script of this checkout) to completion, collecting its output. */
export async function runNode(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  if (options.user === undefined) return spawnToEnd(process.execPath, [script, ...args], options);
  const plan = await planCheckoutRun(CHECKOUT, script, args, options.user);
  try {
    return await spawnToEnd(plan.command, plan.args, options);
  } finally {
    await plan.cleanup();
  }
}

function spawnToEnd(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

/** Runs `spoor ...args` (the built CLI) to completion. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(CLI, args, options);
}
