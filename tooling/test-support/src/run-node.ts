import { spawn } from "node:child_process";
import { copyReadableByOthers, type ReadableCopy } from "./readable-copy.js";

/** `nobody` (65534:65534): a user that can read nothing of a private checkout. */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

/** Options of {@link runNode}. */
export interface RunNodeOptions {
  /** Written to STDIN, which is then closed (a child that stops reading early is tolerated). */
  input?: string | Buffer;
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /**
   * Run as this user: the script is first copied into a fresh directory every user can read
   * (see copyReadableByOthers), and the child starts there, so that the run does not depend on
   * where the checkout lives. The script must then be self-contained (a bundle).
   */
  uid?: number;
  gid?: number;
  /** Keep STDIN open after `input` until the child exits. */
  keepStdinOpen?: boolean;
}

/** What a finished child left behind. */
export interface NodeRun {
  /** Exit code (`null` when a signal ended it). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Date.now() just before the spawn and just after the exit. */
  startedMs: number;
  endedMs: number;
}

/**
 * Runs `node <script> ...args` to completion and collects its output.
 * @throws Error when the child cannot be spawned, or from copyReadableByOthers with `uid`.
 */
export async function runNode(
  script: string,
  args: readonly string[],
  options: RunNodeOptions = {},
): Promise<NodeRun> {
  let copy: ReadableCopy | undefined;
  if (options.uid !== undefined) copy = await copyReadableByOthers(script);
  try {
    return await spawnToEnd(copy?.file ?? script, args, options, copy?.path);
  } finally {
    await copy?.cleanup();
  }
}

function spawnToEnd(
  script: string,
  args: readonly string[],
  options: RunNodeOptions,
  cwd: string | undefined,
): Promise<NodeRun> {
  const startedMs = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(cwd === undefined ? {} : { cwd }),
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on("error", () => undefined); // EPIPE when the child stops reading early
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        startedMs,
        endedMs: Date.now(),
      }),
    );
    if (options.keepStdinOpen) {
      child.stdin.write(options.input ?? "");
      child.on("exit", () => child.stdin.destroy());
    } else {
      child.stdin.end(options.input ?? "");
    }
  });
}
