/** Why {@link openRegularFile} or {@link readRegularFileSync} refused a file. */
export type RefusedFileReason = "symlink" | "not-a-file" | "foreign-owner" | "too-large";

/**
 * A file that was refused before anything was read from it. Not user-facing by itself:
 * each caller turns it into its own error (the spool quarantines the file, the follower
 * throws CheckpointError, config a PermissionError). The message holds no file content.
 */
export class RefusedFileError extends Error {
  /** The file concerned. */
  readonly path: string;
  /** What is wrong with it. */
  readonly reason: RefusedFileReason;
  /** For "foreign-owner", `uid N`; for "too-large", `N bytes`. */
  readonly detail?: string;

  constructor(path: string, reason: RefusedFileReason, detail?: string) {
    super(`${path} refused: ${reason}${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "RefusedFileError";
    this.path = path;
    this.reason = reason;
    if (detail !== undefined) this.detail = detail;
  }
}
