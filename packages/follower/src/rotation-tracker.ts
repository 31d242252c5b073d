import type { LineReader } from "./line-reader.js";
import { LogSource } from "./log-source.js";
import type { Notifier } from "./notifier.js";
import { identityAt, openLog, sameFile } from "./open-log.js";
import type { FileIdentity } from "./types.js";

/** What {@link RotationTracker} needs to know. */
export interface TrackerSettings {
  path: string;
  rotatedSuffixes: readonly string[];
  owners: readonly number[];
  rotationGraceMs: number;
  safetyPollMs: number;
  notifier: Notifier;
}

const MIN_WAIT_MS = 10;

/**
 * The files of one log: the one being read (`active`) and newer files that appeared at the
 * path meanwhile, oldest first. A file that left the path is drained; it is closed, and the
 * next one read from 0, once a newer file exists and the old one has shown no new data for
 * `rotationGraceMs` (any new data restarts that wait).
 */
export class RotationTracker {
  private current: LogSource | undefined;
  private readonly queue: LogSource[] = [];

  constructor(
    private readonly s: TrackerSettings,
    private readonly reader: LineReader,
  ) {}

  /** The file being read. */
  get active(): LogSource | undefined {
    return this.current;
  }

  /** Takes the files a start decided on, oldest first. */
  adopt(sources: readonly LogSource[]): void {
    const [first, ...rest] = sources;
    if (first) this.activate(first);
    this.queue.push(...rest);
  }

  /**
   * Whether the active file has unread bytes; restarts it from 0 when it shrank below the
   * read position or its first bytes changed (truncated, possibly regrown past the position).
   * @throws the error of fstat or of reading the first bytes
   */
  async checkActive(): Promise<boolean> {
    const source = this.current;
    if (!source) return false;
    let { size } = await source.handle.stat();
    const position = this.reader.position;
    // Growth alone proves nothing: a file truncated and written past the read position since
    // the last look would otherwise be read on from the middle of a line. Compare the head.
    let reason: "size" | "content" | undefined = size < position ? "size" : undefined;
    if (reason === undefined && !(await source.head.matches(source.handle))) {
      // The head may differ because the file was truncated between the fstat and the read
      // of its head: look at the size again so the notice tells what really happened.
      size = (await source.handle.stat()).size;
      reason = size < position ? "size" : "content";
    }
    if (reason === undefined) return size > position;
    const { path, file } = source;
    this.s.notifier.emit({ kind: "truncated", path, file, size, offset: position, reason });
    source.head.reset();
    this.reader.reset(0);
    return true;
  }

  /**
   * Reacts to what is at the path now (`here`, undefined when nothing): notes that the
   * active file left it, opens a new file found there. True when that new file is the
   * first one and can be read at once.
   * @throws the error of a failed lstat while looking for the rotated name
   */
  async checkPath(here: FileIdentity | undefined): Promise<boolean> {
    const current = this.current;
    if (current && here && sameFile(here, current.file)) {
      if (current.detachedAt !== undefined && this.queue.length === 0) {
        current.detachedAt = undefined;
        current.path = this.s.path;
      }
      return false;
    }
    if (current && current.detachedAt === undefined) await this.detach(current);
    if (here === undefined || this.isKnown(here)) return false;
    const opened = await openLog(this.s.path, this.s.owners);
    if (opened.kind === "missing") return false;
    if (opened.kind !== "open") {
      this.s.notifier.problem(this.s.path, "open", opened);
      return false;
    }
    if (this.isKnown(opened.file)) {
      await opened.handle.close();
      return false;
    }
    const source = new LogSource(opened.handle, opened.file, this.s.path, 0);
    this.s.notifier.emit({ kind: "appeared", path: this.s.path, file: opened.file });
    if (!current) {
      this.activate(source);
      return true;
    }
    this.queue.push(source);
    return false;
  }

  /**
   * Closes a drained old file and activates the next one, once its time has come.
   * True when switched, or when the old file grew meanwhile.
   * @throws the error of fstat
   */
  async maybeSwitch(): Promise<boolean> {
    const current = this.current;
    const next = this.queue[0];
    if (!current || !next || current.detachedAt === undefined) return false;
    if (Date.now() < this.switchDue(current)) return false;
    const { size } = await current.handle.stat();
    if (size > this.reader.position) return true;
    this.s.notifier.emit({
      kind: "switched",
      path: this.s.path,
      from: current.file,
      to: next.file,
      drainedOffset: this.reader.position,
      droppedTailBytes: this.reader.pendingBytes,
    });
    await current.close();
    this.queue.shift();
    this.activate(next);
    return true;
  }

  /** How long to sleep when there is nothing to read. */
  waitMs(): number {
    const current = this.current;
    if (current?.detachedAt === undefined || this.queue.length === 0) return this.s.safetyPollMs;
    const due = this.switchDue(current) - Date.now();
    return Math.min(this.s.safetyPollMs, Math.max(MIN_WAIT_MS, due));
  }

  /** Closes every file. */
  async closeAll(): Promise<void> {
    const sources = [this.current, ...this.queue.splice(0)];
    this.current = undefined;
    for (const source of sources) await source?.close();
  }

  private activate(source: LogSource): void {
    this.current = source;
    this.reader.reset(source.startOffset, source.skipping);
  }

  private switchDue(source: LogSource): number {
    return Math.max(source.lastDataAt, source.detachedAt ?? 0) + this.s.rotationGraceMs;
  }

  private isKnown(file: FileIdentity): boolean {
    return [this.current, ...this.queue].some((source) => source && sameFile(source.file, file));
  }

  private async detach(source: LogSource): Promise<void> {
    source.detachedAt = Date.now();
    const { path } = this.s;
    for (const suffix of this.s.rotatedSuffixes) {
      const here = await identityAt(path + suffix).catch(() => undefined);
      if (here && sameFile(here, source.file)) {
        source.path = path + suffix;
        this.s.notifier.emit({ kind: "rotated", path, file: source.file, renamedTo: source.path });
        return;
      }
    }
    this.s.notifier.emit({ kind: "rotated", path, file: source.file });
  }
}
