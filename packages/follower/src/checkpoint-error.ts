import { UserFacingError } from "@spoor/errors";

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

/**
 * A checkpoint file, its name or the state directory cannot be used safely. User-facing:
 * `message` is `problem` followed by ` Fix: <fix>`.
 */
export class CheckpointError extends UserFacingError {
  override readonly name = "CheckpointError";
  declare readonly fix: string;

  /**
   * @param path the file or directory concerned
   * @param reason what is wrong with it
   * @param fix what the operator can do about it
   * @param problem the sentence saying so (default `checkpoint <path>: <reason in words>`)
   */
  constructor(
    readonly path: string,
    readonly reason: CheckpointProblem,
    fix: string,
    problem = `checkpoint ${path}: ${reason.replaceAll("-", " ")}`,
  ) {
    super(problem, fix);
  }
}
