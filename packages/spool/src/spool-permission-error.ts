import { UserFacingError } from "@spoor/errors";

/**
 * A spool directory that is a symbolic link, not a directory, foreign-owned or not exactly
 * mode 0700 (the owned-directory check of @spoor/safe-file): `message` is `problem`
 * followed by ` Fix: <fix>`.
 */
export class SpoolPermissionError extends UserFacingError {
  /** The directory concerned. */
  readonly path: string;
  declare readonly fix: string;

  /**
   * @param path the directory
   * @param problem what is wrong with it
   * @param fix the command that fixes it
   */
  constructor(path: string, problem: string, fix: string) {
    super(problem, fix);
    this.name = "SpoolPermissionError";
    this.path = path;
  }
}
