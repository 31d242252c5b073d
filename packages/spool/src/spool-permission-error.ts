/**
 * A spool directory that is a symbolic link, not a directory, foreign-owned or open to
 * group/other. Shaped like @spoor/config's UserFacingError: `message` is `problem` followed
 * by ` Fix: <fix>`.
 */
export class SpoolPermissionError extends Error {
  readonly path: string;
  readonly problem: string;
  readonly fix: string;

  constructor(path: string, problem: string, fix: string) {
    super(`${problem} Fix: ${fix}`);
    this.name = "SpoolPermissionError";
    this.path = path;
    this.problem = problem;
    this.fix = fix;
  }
}
