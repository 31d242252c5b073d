/**
 * The database file or its directory cannot be used safely: a symlink, not a regular file,
 * owned by another user, or open to group/others. `fix` says what to do.
 */
export class ServerStorageError extends Error {
  override readonly name = "ServerStorageError";
  readonly path: string;
  readonly fix: string;

  constructor(path: string, message: string, fix: string) {
    super(message);
    this.path = path;
    this.fix = fix;
  }
}
