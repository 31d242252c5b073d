import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A child process with the last lines of its stderr kept for diagnostics. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** The last 40 stderr lines. */
  stderrTail(): string[];
  /** Resolves with the first stdout or stderr line `match` accepts; rejects at the deadline
   *  or when the process exits first. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
}

const TAIL_LINES = 40;

/**
 * Starts and tracks child processes so that none outlives the parent: `stopAll` sends
 * SIGTERM and waits (SIGKILL after a grace period), and a process `exit` handler
 * SIGKILLs whatever is still running if the parent ends some other way.
 */
export class ChildGroup {
  private readonly children = new Set<Child>();
  private readonly onExit = (): void => {
    for (const child of this.children) child.process.kill("SIGKILL");
  };

  constructor() {
    process.on("exit", this.onExit);
  }

  /**
   * Spawns `argv` (no shell) with piped stdio.
   * @throws Error when the program cannot be started (after `exited` rejects).
   */
  start(name: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Child {
    const [file, ...args] = argv;
    const child = spawn(file!, args, { stdio: ["pipe", "pipe", "pipe"], env });
    const tail: string[] = [];
    const listeners = new Set<(line: string) => void>();
    const exited = new Promise<number | string>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
    });
    const handle: Child = {
      name,
      process: child,
      exited,
      stderrTail: () => [...tail],
      waitForLine: (match, timeoutMs) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => done(new Error(`${name}: no expected output within ${timeoutMs} ms`)),
            timeoutMs,
          );
          const listener = (line: string): void => {
            if (match(line)) done(undefined, line);
          };
          const done = (error?: Error, line?: string): void => {
            clearTimeout(timer);
            listeners.delete(listener);
            if (error === undefined) resolve(line!);
            else reject(error);
          };
          listeners.add(listener);
          exited.then(
            (how) => done(new Error(`${name} exited (${how}) before it was ready`)),
            (error: Error) => done(error),
          );
        }),
    };
    const deliver = (line: string): void => {
      for (const listener of [...listeners]) listener(line);
    };
    createInterface({ input: child.stdout }).on("line", deliver);
    createInterface({ input: child.stderr }).on("line", (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      deliver(line);
    });
    this.children.add(handle);
    exited.finally(() => this.children.delete(handle)).catch(() => undefined);
    return handle;
  }

  /** Whether any started process is still running. */
  get running(): number {
    return this.children.size;
  }

  /**
   * SIGTERMs every running child and waits for it to exit; SIGKILLs one that has not
   * exited after `graceMs`. Never rejects.
   * @returns how each child ended, by name.
   */
  async stopAll(graceMs = 8000): Promise<Record<string, number | string>> {
    const endings: Record<string, number | string> = {};
    await Promise.all(
      [...this.children].map(async (child) => {
        child.process.kill("SIGTERM");
        const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
        endings[child.name] = await child.exited.catch((error: Error) => error.message);
        clearTimeout(timer);
      }),
    );
    return endings;
  }

  /** Stops tracking (after `stopAll`): removes the process exit handler. */
  dispose(): void {
    process.removeListener("exit", this.onExit);
  }
}
