import { spawn } from "node:child_process";

/** How a finished command went. */
export interface ProcessResult {
  /** Exit status, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** What `runProcess` may be given besides the command. */
export interface RunProcessOptions {
  /** Written to stdin, which is then closed (default: stdin is empty). */
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGKILL after this long (default 60 s); the result then says SIGKILL. */
  timeoutMs?: number;
}

/**
 * Runs `argv` without a shell and collects its output; never rejects for a non-zero exit.
 * @throws Error (rejects) when the program cannot be started at all (ENOENT, EACCES).
 */
export function runProcess(
  argv: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const [command, ...args] = argv;
  if (command === undefined) return Promise.reject(new Error("runProcess: empty command"));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}
