import { CheckpointError } from "./checkpoint-error.js";
import { LineReader } from "./line-reader.js";
import type { LogSource } from "./log-source.js";
import type { FollowerNotice } from "./notice.js";
import type { Notifier } from "./notifier.js";
import { identityAt, sameFile } from "./open-log.js";
import { type PathWatcher, watchPath } from "./path-watcher.js";
import { RotationTracker } from "./rotation-tracker.js";
import { planStart, type StartContext } from "./start-plan.js";
import type { Checkpoint, CheckpointStore, FileIdentity, Follower, LineBatch } from "./types.js";
import { WakeSignal } from "./wake-signal.js";

/** {@link FileFollower} settings, every default applied. */
export interface FollowerSettings {
  path: string;
  name: string;
  checkpoints: CheckpointStore;
  maxLineBytes: number;
  chunkBytes: number;
  safetyPollMs: number;
  rotationGraceMs: number;
  rotatedSuffixes: readonly string[];
  owners: readonly number[];
  notifier: Notifier;
}

const INVALID_CONTENT = new Set(["bad-json", "bad-shape", "too-large"]);

/**
 * The follower behind `followFile`: a loop of small steps (start, read a batch, inspect
 * the file and the path, sleep), run one at a time and only when the consumer asks for
 * the next batch.
 */
export class FileFollower implements Follower {
  private readonly reader: LineReader;
  private readonly wake = new WakeSignal();
  private readonly files: RotationTracker;
  private readonly watcher: PathWatcher;
  /** The file last seen at the path (undefined: none; null: not looked yet). */
  private atPath: FileIdentity | undefined | null = null;
  private started = false;
  private closed = false;
  private iterated = false;
  private fatal: unknown;
  private busy: Promise<LineBatch | undefined>;
  private closing: Promise<void> | undefined;
  private readonly sequence = new WeakMap<LineBatch, number>();
  private produced = 0;
  private committed = 0;
  /** The newest batch committed so far: queued commits save only this one. */
  private newest: { seq: number; checkpoint: Checkpoint } | undefined;
  private commits: Promise<void> = Promise.resolve();

  constructor(private readonly s: FollowerSettings) {
    this.reader = new LineReader(s.chunkBytes, s.maxLineBytes);
    this.files = new RotationTracker(s, this.reader);
    this.watcher = watchPath(
      s.path,
      () => this.wake.notify(),
      (error) => s.notifier.thrown(s.path, "watch", error),
    );
    this.busy = this.guarded();
  }

  [Symbol.asyncIterator](): AsyncIterator<LineBatch> {
    if (this.iterated) throw new Error("a follower can be iterated only once");
    this.iterated = true;
    return this.run();
  }

  commit(batch: LineBatch): Promise<void> {
    const seq = this.sequence.get(batch);
    if (seq === undefined) {
      return Promise.reject(new TypeError("commit: the batch was not produced by this follower"));
    }
    if (seq > (this.newest?.seq ?? 0)) this.newest = { seq, checkpoint: batch.checkpoint };
    const result = this.commits.then(async () => {
      const newest = this.newest;
      if (seq <= this.committed || !newest) return;
      await this.s.checkpoints.save(this.s.name, newest.checkpoint);
      this.committed = Math.max(this.committed, newest.seq);
    });
    this.commits = result.catch(() => undefined);
    return result;
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    this.wake.close();
    await this.busy;
    await this.watcher.close().catch(() => undefined);
    await this.files.closeAll();
  }

  private async *run(): AsyncGenerator<LineBatch> {
    try {
      for (;;) {
        const batch = await this.busy;
        if (this.fatal !== undefined) throw this.fatal;
        if (this.closed) return;
        if (batch) yield batch;
        if (this.closed) return;
        this.busy = this.guarded();
      }
    } finally {
      await this.close();
    }
  }

  /** One step; an error that following cannot survive is kept for the iterator. */
  private async guarded(): Promise<LineBatch | undefined> {
    try {
      return await this.step();
    } catch (error) {
      this.fatal = error;
      this.closed = true;
      return undefined;
    }
  }

  private async step(): Promise<LineBatch | undefined> {
    const { notifier } = this.s;
    notifier.begin();
    if (this.started) {
      // Since the last read (a wait, or the consumer holding the previous batch) the file may
      // have been truncated and regrown past our position: look at its head before reading
      // on, never from the middle of someone else's line.
      await this.inspectActive();
      const batch = await this.readBatch();
      if (batch || (!notifier.inTrouble && (await this.inspect()))) {
        notifier.end(this.s.path);
        return batch;
      }
    } else if (await this.start()) {
      return undefined;
    }
    const calm = !notifier.inTrouble;
    if (calm) notifier.end(this.s.path);
    await this.wake.wait(calm ? this.files.waitMs() : this.s.safetyPollMs, calm);
    return undefined;
  }

  /** Settles where to begin; false when that must be retried later. */
  private async start(): Promise<boolean> {
    let checkpoint: Checkpoint | undefined;
    try {
      checkpoint = await this.s.checkpoints.load(this.s.name);
    } catch (error) {
      if (!(error instanceof CheckpointError && INVALID_CONTENT.has(error.reason))) throw error;
      this.s.notifier.emit({ kind: "checkpoint-invalid", path: error.path, reason: error.reason });
      const epoch = new Date(0).toISOString();
      checkpoint = { path: this.s.path, dev: 0, ino: 0, offset: 0, updatedAt: epoch };
    }
    // Notices wait until the start position is durable: "started" must never be seen
    // before a first checkpoint exists, or a kill right after it would restart at the
    // (later) end of the log and skip what was written in between.
    const notices: FollowerNotice[] = [];
    const ctx: StartContext = {
      ...this.s,
      notice: (notice) => notices.push(notice),
      problem: (path, problem) => this.s.notifier.problem(path, "open", problem),
    };
    let result: Awaited<ReturnType<typeof planStart>>;
    try {
      result = await planStart(ctx, checkpoint);
    } catch (error) {
      this.s.notifier.thrown(this.s.path, "read", error);
      return false;
    }
    if (result.kind === "retry") {
      for (const notice of notices) this.s.notifier.emit(notice);
      return false;
    }
    this.files.adopt(result.sources);
    if (result.initial) await this.s.checkpoints.save(this.s.name, result.initial);
    for (const notice of notices) this.s.notifier.emit(notice);
    this.started = true;
    return true;
  }

  private async readBatch(): Promise<LineBatch | undefined> {
    const source = this.files.active;
    if (!source) return undefined;
    let range: Awaited<ReturnType<LineReader["next"]>>;
    try {
      range = await this.reader.next(source.read);
    } catch (error) {
      this.s.notifier.thrown(source.path, "read", error);
      return undefined;
    }
    if (!range) return undefined;
    if (range.skipped > 0) {
      const { maxLineBytes } = this.s;
      const notice = { path: source.path, count: range.skipped, maxLineBytes };
      this.s.notifier.emit({ kind: "long-lines-skipped", ...notice });
    }
    return this.batch(source, range);
  }

  private batch(source: LogSource, range: NonNullable<Awaited<ReturnType<LineReader["next"]>>>) {
    const batch: LineBatch = {
      bytes: this.reader.buffer,
      start: range.start,
      end: range.end,
      file: source.file,
      path: source.path,
      fileOffset: range.fileOffset,
      checkpoint: source.checkpointAt(range.nextOffset),
      skippedLongLines: range.skipped,
    };
    this.produced += 1;
    this.sequence.set(batch, this.produced);
    return batch;
  }

  /** Checks the active file (growth, truncation): "unread" bytes, "idle", or "failed". */
  private async inspectActive(): Promise<"unread" | "idle" | "failed"> {
    try {
      return (await this.files.checkActive()) ? "unread" : "idle";
    } catch (error) {
      this.s.notifier.thrown(this.files.active?.path ?? this.s.path, "stat", error);
      return "failed";
    }
  }

  /**
   * Re-arms the watcher when another file (or none) is at the path than at the last look: its
   * own events may have missed the change, and it would then watch the wrong file.
   */
  private noteFileAtPath(here: FileIdentity | undefined): void {
    const before = this.atPath;
    this.atPath = here;
    if (before === null) return;
    const same = before && here ? sameFile(before, here) : before === here;
    if (!same) this.watcher.rearm();
  }

  /** Looks at the file and the path; true when there may be something to read now. */
  private async inspect(): Promise<boolean> {
    const active = await this.inspectActive();
    if (active !== "idle") return active === "unread";
    try {
      const here = await identityAt(this.s.path);
      this.noteFileAtPath(here);
      const changed = await this.files.checkPath(here);
      return changed || (await this.files.maybeSwitch());
    } catch (error) {
      this.s.notifier.thrown(this.s.path, "stat", error);
      return false;
    }
  }
}
