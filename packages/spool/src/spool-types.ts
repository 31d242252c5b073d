/** One spooled entry: the parsed log entry's snake_case fields plus its idempotency key. */
export interface SpoolEntry {
  /** Stable idempotency key (sent as `Idempotency-Key`). */
  id: string;
  type: string;
  event: string;
  [field: string]: unknown;
}

/** A file of the spool, as listed. */
export interface SpooledFile {
  name: string;
  path: string;
  type: string;
  /** From the name: the entry's log time, or the time it was written. */
  unixSeconds: number;
  /** Bytes; set by listTransmitted() and listFailed(). */
  size?: number;
}

/** A file of failed/, with the reason it failed. */
export type FailedFile = SpooledFile & { reason?: string };

/** A file of quarantine/: any name (odd files end up there), with why it was set aside. */
export interface QuarantinedFile {
  name: string;
  path: string;
  /** From the name, when it is an entry's. */
  type?: string;
  unixSeconds?: number;
  size: number;
  reason?: string;
}

/** The directories entries leave parsed/ for. */
export type ArchiveName = "transmitted" | "failed" | "quarantine";

/** A file in parsed/ whose name is not an entry's (left alone, as the original did). */
export interface StrayFile {
  name: string;
  path: string;
}

/** The four directories of a spool. */
export interface SpoolPaths {
  parsed: string;
  transmitted: string;
  failed: string;
  quarantine: string;
}

/** Retention of transmitted/: both limits apply. */
export interface RetentionOptions {
  /** Default 30. */
  maxAgeDays?: number;
  /** Default 256 MiB. */
  maxBytes?: number;
}

/** What every spool implementation takes besides its storage. */
export interface SpoolLimits {
  /** Back-pressure cap on parsed/ (default 100 000). */
  maxQueuedEntries?: number;
  retention?: RetentionOptions;
  /** Millisecond clock (default Date.now), for tests. */
  now?: () => number;
}

/** Options of the filesystem spool. */
export interface SpoolOptions extends SpoolLimits {
  paths: SpoolPaths;
  /** The uid every file and directory must belong to (default process.geteuid()). */
  owner?: number;
}

/** Counts of the spool's directories. */
export interface SpoolStats {
  queued: number;
  oldestQueuedUnix?: number;
  transmitted: number;
  failed: number;
  quarantined: number;
  /** Badly named files in parsed/ (never touched). */
  strays: number;
}

/** What prune() removed. */
export interface PruneResult {
  removed: number;
  bytesFreed: number;
}

/** The durable queue shared by the followers, the hook and the transmitter. */
export interface SpoolStore {
  /**
   * Spools entries durably (resolved = on disk, one directory fsync per call), each as
   * `<type>.<unix>.<7 digits>.json`, mode 0600. Re-writing an id already queued returns the
   * existing file. Results are in input order.
   * @throws TypeError for an entry without id/type/event or with an unknown type;
   *   RangeError for an entry over 1 MiB; SpoolFullError at the cap; filesystem errors
   *   (code "ENOSPC"…) with no partial file left visible.
   */
  write(entries: readonly SpoolEntry[]): Promise<SpooledFile[]>;
  /** parsed/, chronological (unix seconds, then name); temp and badly named files left out. */
  list(): Promise<SpooledFile[]>;
  listTransmitted(): Promise<SpooledFile[]>;
  listFailed(): Promise<FailedFile[]>;
  /** Badly named files in parsed/ (not temp files). */
  listStrays(): Promise<StrayFile[]>;
  /**
   * quarantine/, by name: every file but temp files and the `<name>.reason` files, each with
   * its size and the first line of its reason (read without following links, at most 4 KiB).
   * Files that vanish meanwhile are left out; a missing directory lists as empty.
   */
  listQuarantined(): Promise<QuarantinedFile[]>;
  /**
   * Reads one queued file; a file without `id` (written by the Perl original) gets one derived
   * from its name and content.
   * @throws SpoolFileRejectedError (reason symlink, foreign-owner, not-a-file, too-large,
   *   bad-json, bad-name); an error with code "ENOENT" when the file is gone.
   */
  read(file: SpooledFile): Promise<SpoolEntry>;
  /**
   * The JSON of a file in transmitted/, failed/ or quarantine/, as it is (no id derived: these
   * files are not sent again), with the same precautions as `read`: no symbolic link, the
   * opened descriptor a regular file owned by the spool's owner, at most 1 MiB.
   * @throws SpoolFileRejectedError (symlink, foreign-owner, not-a-file, too-large, bad-json);
   *   TypeError for a name that is not a plain file name; code "ENOENT" when the file is gone.
   */
  readArchived(which: ArchiveName, name: string): Promise<unknown>;
  /** parsed/ → transmitted/. @throws code "ENOENT" when the file is gone. */
  markTransmitted(file: SpooledFile): Promise<void>;
  /** parsed/ → failed/, with `<name>.reason` beside it. @throws code "ENOENT" when gone. */
  markFailed(file: SpooledFile, reason: string): Promise<void>;
  /** parsed/ → quarantine/ with a reason; any file, however odd. @throws code "ENOENT" when gone. */
  quarantine(file: { name: string }, reason: string): Promise<void>;
  /** failed/ → parsed/ (its reason removed). @throws code "ENOENT" when not in failed/. */
  requeue(name: string): Promise<SpooledFile>;
  /** Empties one of the archive directories; returns the number of entries removed. */
  purge(which: ArchiveName): Promise<number>;
  /** Retention on transmitted/ (age, then size, oldest first); never touches parsed/ entries. */
  prune(): Promise<PruneResult>;
  stats(): Promise<SpoolStats>;
}
