import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CleanupStack } from "@spoor/test-support";
import { afterEach } from "vitest";
import {
  createCheckpointStore,
  type Follower,
  type FollowerNotice,
  type FollowerOptions,
  followFile,
} from "../src/index.js";

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

/** A fresh directory under the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "spoor-follower-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Polls `probe` until it returns something truthy; fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One delivered line, decoded, with where it came from. */
export interface Delivered {
  text: string;
  path: string;
  offset: number;
}

/** A follower consumed in the background, the way the agent does it. */
export interface Run {
  follower: Follower;
  lines: Delivered[];
  notices: FollowerNotice[];
  skipped: number;
  batches: number;
  /** Resolves when the iteration ends (rejects with its error). */
  done: Promise<void>;
  texts(): string[];
  waitLines(count: number): Promise<Delivered[]>;
  waitNotice(
    kind: FollowerNotice["kind"],
    match?: (notice: FollowerNotice) => boolean,
  ): Promise<FollowerNotice>;
  stop(): Promise<void>;
}

/**
 * Follows `options.path` with checkpoints in `stateDir`, collecting lines and notices.
 * `commit: false` never commits.
 */
export function follow(
  stateDir: string,
  options: Omit<FollowerOptions, "checkpoints" | "name"> & { name?: string },
  { commit = true } = {},
): Run {
  const notices: FollowerNotice[] = [];
  const follower = followFile({
    name: "access",
    checkpoints: createCheckpointStore(stateDir),
    safetyPollMs: 200,
    rotationGraceMs: 300,
    ...options,
    onNotice: (notice) => notices.push(notice),
  });
  const run: Run = {
    follower,
    lines: [],
    notices,
    skipped: 0,
    batches: 0,
    done: Promise.resolve(),
    texts: () => run.lines.map((line) => line.text),
    waitLines: (count) =>
      waitFor(`${count} lines (have ${run.lines.length})`, () =>
        run.lines.length >= count ? run.lines : undefined,
      ),
    waitNotice: (kind, match = () => true) =>
      waitFor(`a ${kind} notice`, () => notices.find((n) => n.kind === kind && match(n))),
    stop: async () => {
      await follower.close();
      await run.done;
    },
  };
  run.done = (async () => {
    for await (const batch of follower) {
      run.batches += 1;
      run.skipped += batch.skippedLongLines;
      let at = batch.start;
      while (at < batch.end) {
        const newline = batch.bytes.indexOf(10, at);
        const offset = batch.fileOffset + (at - batch.start);
        run.lines.push({
          text: batch.bytes.toString("latin1", at, newline),
          path: batch.path,
          offset,
        });
        at = newline + 1;
      }
      if (commit) await follower.commit(batch);
    }
  })();
  cleanups.push(() => follower.close());
  return run;
}

/** `count` numbered lines "<prefix> <i>". */
export function numbered(prefix: string, count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${from + i}`);
}

/** Lines as file content, each ending "\n". */
export function text(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join("");
}

/** Appends `lines` to `log` and waits until `run` has delivered them too. */
export async function appendDelivered(run: Run, log: string, lines: readonly string[]) {
  const total = run.lines.length + lines.length;
  await appendFile(log, text(lines));
  await run.waitLines(total);
}

/** Follows `log` again (from the checkpoints in `stateDir`) until `count` lines came, then stops. */
export async function resumeFor(stateDir: string, log: string, count: number): Promise<Run> {
  const run = follow(stateDir, { path: log });
  await run.waitLines(count);
  await run.stop();
  return run;
}

/** {@link follow}, once the follower has said it started. */
export async function followStarted(...args: Parameters<typeof follow>): Promise<Run> {
  const run = follow(...args);
  await run.waitNotice("started");
  return run;
}
