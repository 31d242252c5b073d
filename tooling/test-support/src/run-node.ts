import { spawn } from "node:child_process";
import { planCheckoutRun } from "./checkout-run.js";
import { copyReadableByOthers } from "./readable-copy.js";

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
   * where the checkout lives. The script must then be self-contained (a bundle), unless
   * `checkout` is given.
   */
  uid?: number;
  gid?: number;
  /**
   * With `uid`: the repository root that `script` lives in. Instead of copying the script,
   * the child sees the whole checkout through a bind mount of its own (see planCheckoutRun)
   * and starts there: for a script that needs its `node_modules` and siblings.
   */
  checkout?: string;
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
 * @throws Error when the child cannot be spawned, or from copyReadableByOthers (with `uid`)
 *   or planCheckoutRun (with `uid` and `checkout`).
 */
export async function runNode(
  script: string,
  args: readonly string[],
  options: RunNodeOptions = {},
): Promise<NodeRun> {
  if (options.uid === undefined)
    return spawnToEnd(process.execPath, [script, ...args], options, {});
  const user = { uid: options.uid, gid: options.gid ?? options.uid };
  if (options.checkout !== undefined) {
    const plan = await planCheckoutRun(options.checkout, script, args, user);
    try {
      return await spawnToEnd(plan.command, plan.args, options, { cwd: "/" });
    } finally {
      await plan.cleanup();
    }
  }
  const copy = await copyReadableByOthers(script);
  try {
    return await spawnToEnd(process.execPath, [copy.file, ...args], options, {
      cwd: copy.path,
      uid: options.uid,
      gid: options.gid,
    });
  } finally {
    await copy.cleanup();
  }
}

function spawnToEnd(
  command: string,
  args: readonly string[],
  options: RunNodeOptions,
  how: { cwd?: string; uid?: number; gid?: number },
): Promise<NodeRun> {
  const startedMs = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...how,
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
