/** Why a checkpoint or the state directory was refused. */
export type CheckpointProblem =
  | "symlink"
  | "foreign-owner"
  | "not-a-file"
  | "not-a-directory"
  | "unsafe-mode"
  | "too-large"
  | "bad-json"
  | "bad-shape"
  | "bad-name";

/** A checkpoint file, its name or the state directory cannot be used safely. */
export class CheckpointError extends Error {
  override readonly name = "CheckpointError";

  /**
   * @param path the file or directory concerned
   * @param problem what is wrong with it
   * @param fix what the operator can do about it
   */
  constructor(
    readonly path: string,
    readonly problem: CheckpointProblem,
    readonly fix: string,
  ) {
    super(`checkpoint ${path}: ${problem.replaceAll("-", " ")}`);
  }
}
