import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A daemon started as a real child process. */
export interface DaemonProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** stderr parsed as JSON lines (a non-JSON line fails the test loudly). */
  logLines(): Array<Record<string, unknown>>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The absolute path of one of this package's bins. */
export function binPath(name: string): string {
  return fileURLToPath(new URL(`../../bin/${name}.js`, import.meta.url));
}

/** Starts `bin` (e.g. `spoor-access-follower`) with `args` under `node`. */
export function startDaemon(
  bin: string,
  args: string[],
  env: Record<string, string> = {},
): DaemonProcess {
  const child = spawn(process.execPath, [binPath(bin), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => stderr,
    logLines: () =>
      stderr
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  };
}
