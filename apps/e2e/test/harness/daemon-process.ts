import { type ChildProcess, spawn } from "node:child_process";
import { DAEMON_ENVIRONMENT, DAEMON_NODE_FLAGS } from "@spoor/agent/launch";
import { waitFor } from "@spoor/test-support";
import { daemonBin } from "./paths.js";

/** One JSON log line of a daemon's stderr. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

/** A spoor daemon running as a real child process. */
export interface DaemonProcess {
  child: ChildProcess;
  pid: number;
  /** stderr so far, parsed as JSON lines (a line that is not JSON is kept as `{ raw }`). */
  logLines(): LogLine[];
  /** stderr so far, as text. */
  stderr(): string;
  /** Resolves once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** Waits for a log line matching `match` (after the first `after` lines, default 0). */
  waitForLog(
    what: string,
    match: (line: LogLine) => boolean,
    options?: { after?: number; timeoutMs?: number },
  ): Promise<LogLine>;
  /** Sends `signal` (default SIGKILL) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `apps/daemons/bin/<bin>.js` under this Node with `args`, with the Node flags and
 * environment its unit gives it. The environment is this process's, the unit's, then `env`
 * (e.g. `SPOOR_LOG_LEVEL`).
 * @throws Error when the child has no pid (spawn failed).
 */
export function startDaemon(
  bin: string,
  args: readonly string[],
  env: Record<string, string> = {},
): DaemonProcess {
  const child = spawn(process.execPath, [...DAEMON_NODE_FLAGS, daemonBin(bin), ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...DAEMON_ENVIRONMENT, ...env },
  });
  if (child.pid === undefined) throw new Error(`cannot start ${bin}`);
  const chunks: Buffer[] = [];
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  let parsed: LogLine[] = [];
  let parsedBytes = -1;
  const text = (): string => Buffer.concat(chunks).toString("utf8");
  const logLines = (): LogLine[] => {
    const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (size !== parsedBytes) {
      parsed = text()
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => {
          try {
            return JSON.parse(line) as LogLine;
          } catch {
            return { raw: line };
          }
        });
      parsedBytes = size;
    }
    return parsed;
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    child,
    pid: child.pid,
    logLines,
    stderr: text,
    exited,
    isRunning,
    waitForLog(what, match, options = {}) {
      return waitFor(
        `${bin}: ${what}`,
        () => {
          if (!isRunning()) throw new Error(`${bin} exited while waiting for ${what}: ${text()}`);
          return logLines()
            .slice(options.after ?? 0)
            .find(match);
        },
        { timeoutMs: options.timeoutMs ?? 60_000 },
      );
    },
    async stop(signal = "SIGKILL") {
      if (isRunning()) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Starts the one-process agent on `configPath` and waits until every follower in `types`
 * has opened its log (lines appended before that would be skipped: a follower starts at
 * the end of a log it has never seen).
 */
export async function startAgent(
  configPath: string,
  types: readonly string[],
  env: Record<string, string> = {},
): Promise<DaemonProcess> {
  const agent = startDaemon("spoor-agent", ["--config", configPath], env);
  await waitForFollowers(agent, types);
  return agent;
}

/** Waits for a `log started` line of each follower type in `types`. */
export async function waitForFollowers(
  daemon: DaemonProcess,
  types: readonly string[],
  after = 0,
): Promise<void> {
  for (const type of types) {
    await daemon.waitForLog(
      `${type} follower started`,
      (l) => l.msg === "log started" && l.type === type,
      {
        after,
      },
    );
  }
}
