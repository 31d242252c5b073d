import { headMatches } from "./head-print.js";
import { lastLineStart } from "./line-start.js";
import { LogSource } from "./log-source.js";
import type { FollowerNotice } from "./notice.js";
import { type OpenedLog, openLog, sameFile } from "./open-log.js";
import type { Checkpoint } from "./types.js";

/** File times come from a coarse kernel clock: a file written just after a checkpoint
 *  may look up to a few milliseconds older. */
const MTIME_SLACK_MS = 1000;

type Opened = Extract<OpenedLog, { kind: "open" }>;
/** An open that failed for a reason worth retrying. */
export type OpenProblem = Extract<OpenedLog, { kind: "refused" | "error" }>;

/** What {@link planStart} needs from the follower. */
export interface StartContext {
  path: string;
  rotatedSuffixes: readonly string[];
  owners: readonly number[];
  maxLineBytes: number;
  notice(notice: FollowerNotice): void;
  problem(path: string, problem: OpenProblem): void;
}

/** The files to read, oldest first, and the checkpoint to save when there was none. */
export type StartResult =
  | { kind: "started"; sources: LogSource[]; initial?: Checkpoint }
  | { kind: "retry" };

/**
 * Decides where following begins. Without a checkpoint: at the start of the last line of
 * the log, or, if it does not exist, at 0 of whatever file appears. With one: at its offset
 * if its file is still at the path. Otherwise the current file is read from 0, after the
 * checkpoint's file from its offset if it was renamed to `path + suffix`, or else after a
 * rotated file modified since the checkpoint was written (it may hold unread lines: two
 * rotations while the follower was down). A file at the path with the checkpoint's
 * identity but smaller than its offset, or with other first bytes, was truncated or is a
 * new file on a reused inode: it is read from 0. A file that cannot be opened is reported
 * through `ctx.problem` and `retry` is returned.
 * @throws the file-system error of a failed read of an opened file
 */
export async function planStart(
  ctx: StartContext,
  checkpoint: Checkpoint | undefined,
): Promise<StartResult> {
  const opened = await openLog(ctx.path, ctx.owners);
  if (opened.kind === "refused" || opened.kind === "error") {
    ctx.problem(ctx.path, opened);
    return { kind: "retry" };
  }
  const current = opened.kind === "open" ? opened : undefined;
  if (checkpoint === undefined) return startAtEnd(ctx, current);
  const atPath = current && sameFile(current.file, checkpoint) ? current : undefined;
  if (atPath) {
    const fits = await fitsCheckpoint(atPath, checkpoint);
    if (fits === "ok") {
      const source = await sourceAt(atPath, ctx.path, checkpoint.offset);
      const { offset } = checkpoint;
      ctx.notice({
        kind: "started",
        path: ctx.path,
        file: atPath.file,
        offset,
        from: "checkpoint",
      });
      return { kind: "started", sources: [source] };
    }
    ctx.notice({
      kind: "truncated",
      path: ctx.path,
      file: atPath.file,
      size: atPath.stat.size,
      offset: checkpoint.offset,
      reason: fits,
    });
  }
  const sources = await rotatedSources(ctx, checkpoint, current, atPath === undefined);
  if (current) {
    const source = await sourceAt(current, ctx.path, 0);
    ctx.notice(
      sources.length > 0
        ? { kind: "appeared", path: ctx.path, file: current.file }
        : { kind: "started", path: ctx.path, file: current.file, offset: 0, from: "beginning" },
    );
    sources.push(source);
  } else if (sources.length === 0) {
    ctx.notice({ kind: "missing", path: ctx.path });
  }
  return { kind: "started", sources };
}

async function startAtEnd(ctx: StartContext, current: Opened | undefined): Promise<StartResult> {
  if (!current) {
    ctx.notice({ kind: "missing", path: ctx.path });
    const initial = { path: ctx.path, dev: 0, ino: 0, offset: 0 };
    return { kind: "started", sources: [], initial: { ...initial, updatedAt: now() } };
  }
  const start = await lastLineStart(current.handle, current.stat.size, ctx.maxLineBytes);
  const source = await sourceAt(current, ctx.path, start.offset, start.skipping);
  ctx.notice({
    kind: "started",
    path: ctx.path,
    file: current.file,
    offset: start.offset,
    from: "end",
  });
  return { kind: "started", sources: [source], initial: source.checkpointAt(start.offset) };
}

/** The checkpoint's file under a rotated name, else a rotated file written since. */
async function rotatedSources(
  ctx: StartContext,
  checkpoint: Checkpoint,
  current: Opened | undefined,
  gone: boolean,
): Promise<LogSource[]> {
  const candidates: Array<{ opened: Opened; path: string }> = [];
  for (const suffix of ctx.rotatedSuffixes) {
    const path = ctx.path + suffix;
    const opened = await openLog(path, ctx.owners);
    if (opened.kind === "open") candidates.push({ opened, path });
    else if (opened.kind !== "missing") ctx.problem(path, opened);
  }
  const own = await findOwn(candidates, checkpoint);
  const newer = own
    ? undefined
    : candidates.find(
        (c) =>
          !(current && sameFile(c.opened.file, current.file)) &&
          c.opened.stat.mtimeMs >= Date.parse(checkpoint.updatedAt) - MTIME_SLACK_MS,
      );
  for (const c of candidates) if (c !== own && c !== newer) await c.opened.handle.close();
  if (!own && gone && !(checkpoint.dev === 0 && checkpoint.ino === 0)) {
    const file = { dev: checkpoint.dev, ino: checkpoint.ino };
    ctx.notice({ kind: "checkpoint-file-gone", path: ctx.path, file });
  }
  const chosen = own ?? newer;
  if (!chosen) return [];
  const offset = own ? checkpoint.offset : 0;
  const source = await sourceAt(chosen.opened, chosen.path, offset);
  source.detachedAt = Date.now();
  const file = chosen.opened.file;
  ctx.notice({ kind: "rotated", path: ctx.path, file, renamedTo: chosen.path });
  ctx.notice({
    kind: "started",
    path: chosen.path,
    file,
    offset,
    from: own ? "checkpoint" : "beginning",
  });
  return [source];
}

async function findOwn(
  candidates: Array<{ opened: Opened; path: string }>,
  checkpoint: Checkpoint,
): Promise<{ opened: Opened; path: string } | undefined> {
  for (const c of candidates) {
    if (
      sameFile(c.opened.file, checkpoint) &&
      (await fitsCheckpoint(c.opened, checkpoint)) === "ok"
    ) {
      return c;
    }
  }
  return undefined;
}

/** Whether the file can still hold the checkpoint: big enough, same first bytes. */
async function fitsCheckpoint(
  opened: Opened,
  checkpoint: Checkpoint,
): Promise<"ok" | "size" | "content"> {
  if (opened.stat.size < checkpoint.offset) return "size";
  const { headLength, headSha256 } = checkpoint;
  if (headLength === undefined || headSha256 === undefined) return "ok";
  return (await headMatches(opened.handle, headLength, headSha256)) ? "ok" : "content";
}

async function sourceAt(
  opened: Opened,
  path: string,
  offset: number,
  skipping = false,
): Promise<LogSource> {
  const source = new LogSource(opened.handle, opened.file, path, offset, skipping);
  if (offset > 0) await source.head.load(opened.handle, opened.stat.size);
  return source;
}

function now(): string {
  return new Date().toISOString();
}
