/** Why a spool file was refused. */
export type SpoolRejectReason =
  | "symlink"
  | "foreign-owner"
  | "not-a-file"
  | "too-large"
  | "bad-json"
  | "bad-name";

/** read() refused a file; the caller should quarantine it. No file content in the message. */
export class SpoolFileRejectedError extends Error {
  readonly reason: SpoolRejectReason;
  readonly path: string;

  constructor(path: string, reason: SpoolRejectReason, detail?: string) {
    super(`spool file ${path} refused: ${reason}${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "SpoolFileRejectedError";
    this.reason = reason;
    this.path = path;
  }
}
