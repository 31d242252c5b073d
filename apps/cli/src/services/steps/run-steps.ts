import { execFile } from "node:child_process";
import type { PostInstallStep } from "../install/post-install-steps.js";

/** How one step went. */
export interface StepResult {
  step: PostInstallStep;
  /** The exit status; null when the command could not be started (`error` says why). */
  exitCode: number | null;
  /** The last lines of its combined output (at most 2000 characters). */
  output: string;
  error?: string;
}

/** Runs one command without a shell; resolves however it ends. */
export type CommandRunner = (argv: readonly string[]) => Promise<Omit<StepResult, "step">>;

const OUTPUT_LIMIT = 2000;
const STEP_TIMEOUT_MS = 120_000;

/** Runs `argv` with child_process.execFile (no shell, 120 s timeout). Never rejects. */
export const runCommand: CommandRunner = (argv) =>
  new Promise((resolve) => {
    const [file, ...args] = argv;
    execFile(
      file!,
      args,
      { timeout: STEP_TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = tail(`${stdout}${stderr}`);
        if (error === null) return resolve({ exitCode: 0, output });
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === "string") {
          return resolve({
            exitCode: null,
            output,
            error: `${file}: ${code === "ENOENT" ? "not found" : code}`,
          });
        }
        if (typeof error.code === "number") return resolve({ exitCode: error.code, output });
        resolve({
          exitCode: null,
          output,
          error: `stopped by ${error.signal ?? "a signal"}${error.killed ? " (timed out)" : ""}`,
        });
      },
    );
  });

/**
 * Runs the steps in order and stops at the first that fails (later steps depend on it).
 * @returns one result per step that ran. Never rejects.
 */
export async function runSteps(
  steps: readonly PostInstallStep[],
  run: CommandRunner = runCommand,
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const result = { step, ...(await run(step.argv)) };
    results.push(result);
    if (result.exitCode !== 0) break;
  }
  return results;
}

function tail(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.length <= OUTPUT_LIMIT ? trimmed : `…${trimmed.slice(-OUTPUT_LIMIT)}`;
}
