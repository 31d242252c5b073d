import { fileURLToPath } from "node:url";
import { runNode as runNodeToEnd } from "@spoor/test-support";

/** The built CLI's entry (tests run against dist, as users do). */
export const CLI = fileURLToPath(new URL("../../bin/run.js", import.meta.url));

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
}

/** Runs `node <script> ...args` to completion (see @spoor/test-support) with NO_COLOR set. */
export async function runNode(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  const run = await runNodeToEnd(script, args, {
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    input: options.input ?? "",
  });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `spoor ...args` (the built CLI) to completion. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(CLI, args, options);
}
