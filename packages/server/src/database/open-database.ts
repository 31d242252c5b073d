import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { DatabaseLocation } from "./parse-database-url.js";
import { ServerStorageError } from "./server-storage-error.js";

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

// The directory is followed (systemd's DynamicUser makes /var/lib/spoor-server a symlink to
// /var/lib/private/spoor-server); what counts is that the directory reached is safe.
function checkDirectory(directory: string): void {
  if (lstatOrUndefined(directory) === undefined) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    return;
  }
  const existing = statSync(directory);
  if (!existing.isDirectory()) {
    throw new ServerStorageError(
      directory,
      `${directory} is not a directory`,
      "point --db into a directory",
    );
  }
  if (existing.uid !== process.geteuid?.() && existing.uid !== 0) {
    throw new ServerStorageError(
      directory,
      `${directory} belongs to uid ${existing.uid}, neither root nor the user running the server`,
      `chown $(id -u) ${directory}`,
    );
  }
  // A sticky directory (/tmp) lets nobody replace another user's file.
  if ((existing.mode & 0o022) !== 0 && (existing.mode & 0o1000) === 0) {
    throw new ServerStorageError(
      directory,
      `${directory} has mode ${(existing.mode & 0o777).toString(8)}: others may replace the database`,
      `chmod 700 ${directory}`,
    );
  }
}

function checkFile(path: string): void {
  const existing = lstatOrUndefined(path);
  if (existing?.isSymbolicLink()) {
    throw new ServerStorageError(path, `${path} is a symlink`, "point --db at a regular file");
  }
  const flags = existing
    ? constants.O_RDONLY | constants.O_NOFOLLOW
    : constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const descriptor = openSync(path, flags, 0o600);
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) {
      throw new ServerStorageError(path, `${path} is not a regular file`, "point --db at a file");
    }
    if (stat.uid !== process.geteuid?.()) {
      throw new ServerStorageError(
        path,
        `${path} belongs to uid ${stat.uid}, not to the user running the server`,
        `chown $(id -u) ${path}`,
      );
    }
    if ((stat.mode & 0o077) !== 0) {
      throw new ServerStorageError(
        path,
        `${path} has mode ${(stat.mode & 0o777).toString(8)}; it holds mailbox addresses and credentials`,
        `chmod 600 ${path}`,
      );
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Opens the server's SQLite database: in memory, or a file created with mode 0600 (its
 * directory created 0700 when missing) and opened in WAL mode (`synchronous=NORMAL`, a 64 MiB
 * page cache, a checkpoint every 10,000 WAL pages). An existing file must be a
 * regular file (not a symlink) owned by this user and closed to group and others; its
 * directory must not be writable by group or others.
 *
 * @throws TypeError for a postgres:// location; ServerStorageError for an unsafe file or directory; the file system's errors
 *   (EACCES) and SQLite's (a file that is not a database) as they are.
 */
export function openDatabase(location: DatabaseLocation): Database.Database {
  if (location.kind === "memory") return new Database(":memory:");
  if (location.kind === "postgres") {
    throw new TypeError("a postgres:// database is opened with openServerStore, not as SQLite");
  }
  checkDirectory(dirname(location.path));
  checkFile(location.path);
  const database = new Database(location.path);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  // Ingest touches a page of each random-keyed index per entry: a 64 MiB page cache (the
  // default is 2 MiB) keeps their upper levels and the recent leaves in memory, and a
  // checkpoint every 10,000 WAL pages (~40 MiB; default 1,000) writes a page changed by many
  // commits back to the database file once, not once per commit.
  database.pragma("cache_size = -65536");
  database.pragma("wal_autocheckpoint = 10000");
  return database;
}
