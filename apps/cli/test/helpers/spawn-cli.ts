import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { CLI } from "./run-cli.js";

/** A long-running `spoor` child whose stderr JSON log lines are collected. */
export interface CliProcess {
  child: ChildProcess;
  /** Every stderr line so far, parsed (a line that is not JSON is kept as `{ raw }`). */
  logs: Array<Record<string, unknown>>;
  stdout(): string;
  /** Resolves with the first log line `match` accepts (already seen or future). */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code once the process ends by itself. */
  exited(): Promise<number | null>;
}

/** Starts `spoor ...args` in the background. */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const logs: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let out = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  createInterface({ input: child.stderr! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line));
    } catch {
      logs.push({ raw: line });
    }
    for (const wake of waiters) wake();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    logs,
    stdout: () => out,
    waitForLog(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find(match);
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching log line in ${timeoutMs} ms; got ${JSON.stringify(logs)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
    exited: () => exit,
  };
}
