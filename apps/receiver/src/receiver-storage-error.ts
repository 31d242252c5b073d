/**
 * The database file cannot be used safely: a symlink, not a regular file, owned by another
 * user, or readable by others. `fix` says what to do.
 */
export class ReceiverStorageError extends Error {
  override readonly name = "ReceiverStorageError";
  readonly path: string;
  readonly fix: string;

  constructor(path: string, message: string, fix: string) {
    super(message);
    this.path = path;
    this.fix = fix;
  }
}
