import { closeSync, constants, fstatSync, lstatSync, openSync } from "node:fs";
import Database from "better-sqlite3";
import { ReceiverStorageError } from "./receiver-storage-error.js";

function checkFile(path: string): void {
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing?.isSymbolicLink()) {
    throw new ReceiverStorageError(path, `${path} is a symlink`, "point --db at a regular file");
  }
  const flags = existing
    ? constants.O_RDONLY | constants.O_NOFOLLOW
    : constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const descriptor = openSync(path, flags, 0o600);
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) {
      throw new ReceiverStorageError(path, `${path} is not a regular file`, "point --db at a file");
    }
    if (stat.uid !== process.geteuid?.()) {
      throw new ReceiverStorageError(
        path,
        `${path} belongs to uid ${stat.uid}, not to the user running the receiver`,
        `chown $(id -u) ${path}`,
      );
    }
    if ((stat.mode & 0o077) !== 0) {
      throw new ReceiverStorageError(
        path,
        `${path} has mode ${(stat.mode & 0o777).toString(8)}; it holds mailbox addresses`,
        `chmod 600 ${path}`,
      );
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Opens the receiver's SQLite database: `:memory:`, or a file created with mode 0600 and
 * opened in WAL mode. An existing file must be a regular file (not a symlink) owned by this
 * user and not readable by others.
 *
 * @throws ReceiverStorageError for an unsafe file; the file system's errors (ENOENT for a
 *   missing directory, EACCES) and SQLite's (a file that is not a database) as they are.
 */
export function openDatabase(path: string): Database.Database {
  if (path === ":memory:") return new Database(":memory:");
  checkFile(path);
  const database = new Database(path);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  return database;
}
