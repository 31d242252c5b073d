import type { FollowerNotice } from "./notice.js";

/** Identity of a file: the device and inode of the open descriptor. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/**
 * Where to resume a log: the file (identity) and the byte offset just after the last line
 * handled. `dev = 0, ino = 0, offset = 0` means "no file yet: read whatever file appears at
 * `path` from its beginning".
 */
export interface Checkpoint {
  /** Path the file had when the batch was read (the rotated name for a drained old log). */
  path: string;
  dev: number;
  ino: number;
  offset: number;
  /** ISO 8601 time the checkpoint was made. */
  updatedAt: string;
  /** Length of the file's first bytes that `headSha256` covers (at most 256). */
  headLength?: number;
  /** SHA-256 (hex) of the file's first `headLength` bytes: detects a reused inode or a file
   *  truncated and rewritten while the follower was down. */
  headSha256?: string;
}

/** Complete lines read from one file. */
export interface LineBatch {
  /** Holds the lines in `[start, end)`. Shared with the follower's read buffer: valid until
   *  the next batch is requested; copy what you keep longer. */
  bytes: Buffer;
  start: number;
  /** `bytes[start, end)` are complete lines, each ending "\n" (a "\r" before it is kept). */
  end: number;
  file: FileIdentity;
  /** The file the lines came from (the rotated name while an old log is drained). */
  path: string;
  /** Offset in that file of `bytes[start]`. */
  fileOffset: number;
  /** Where to resume once this batch (and every one before it) is durably handled. */
  checkpoint: Checkpoint;
  /** Lines over `maxLineBytes` dropped between the previous batch and this one's end. A batch
   *  may be empty (`start === end`) when it only reports skipped lines. */
  skippedLongLines: number;
}

/** Options of {@link followFile}. */
export interface FollowerOptions {
  /** The log file to follow. */
  path: string;
  /** Checkpoint key (e.g. "access"): letters, digits, "_" and "-". */
  name: string;
  checkpoints: CheckpointStore;
  /** Longest line kept, without its "\n" (default 64 KiB); longer lines are skipped. */
  maxLineBytes?: number;
  /** Bytes read per `read(2)` (default 1 MiB). */
  chunkBytes?: number;
  /** Slow periodic stat on top of the file-system events (default 2000 ms); also the retry
   *  interval after an error. */
  safetyPollMs?: number;
  /** How long a replaced (renamed or deleted) log must show no growth before it is closed
   *  and the new file is read (default 5000 ms). */
  rotationGraceMs?: number;
  /** Where a renamed log is looked for after a restart (default `[".bkup"]`). */
  rotatedSuffixes?: string[];
  /** Uids a log file may belong to (default root and the effective uid). */
  allowedOwners?: number[];
  /** Called for rotation, truncation, missing files, skipped lines and errors. Never
   *  receives log content. Exceptions it throws are ignored. */
  onNotice?: (notice: FollowerNotice) => void;
}

/** A followed log: iterate it for batches (one consumer), commit what is handled. */
export interface Follower extends AsyncIterable<LineBatch> {
  /**
   * Persists `batch.checkpoint` crash-safely: declares this batch and every earlier one
   * durably handled. Commits are serialised and coalesced: while one save runs, later
   * commits wait, then save only the newest checkpoint; each promise resolves once a
   * checkpoint at least as new as its batch is saved. Committing a batch older than one
   * already committed is a no-op. Works after `close()` too.
   * @throws TypeError if the batch was not produced by this follower; the store's errors
   *   (CheckpointError, file-system errors such as ENOSPC).
   */
  commit(batch: LineBatch): Promise<void>;
  /** Stops watching, closes the files; a pending or later `next()` resolves `done`. */
  close(): Promise<void>;
}

/** Persists one checkpoint per follower name. */
export interface CheckpointStore {
  /**
   * The saved checkpoint, or undefined if there is none.
   * @throws CheckpointError when the file or state directory is unsafe or the content invalid.
   */
  load(name: string): Promise<Checkpoint | undefined>;
  /**
   * Saves atomically (temp file 0600, fsync, rename, directory fsync).
   * @throws CheckpointError when the state directory is unsafe; file-system errors.
   */
  save(name: string, checkpoint: Checkpoint): Promise<void>;
}
