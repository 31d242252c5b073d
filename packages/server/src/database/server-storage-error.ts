import { UserFacingError } from "@spoor/errors";

/**
 * The database file or its directory cannot be used safely: a symlink, not a regular file,
 * owned by another user, or open to group/others. `problem` says which, `fix` what to do.
 */
export class ServerStorageError extends UserFacingError {
  override readonly name = "ServerStorageError";
  readonly path: string;

  constructor(path: string, problem: string, fix: string) {
    super(problem, fix);
    this.path = path;
  }
}
