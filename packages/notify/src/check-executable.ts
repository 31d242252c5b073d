import { accessSync, constants, lstatSync } from "node:fs";
import { NotifyConfigError } from "./notify-config-error.js";

/**
 * Refuses an executable that is unsafe to run with alert data: it must be a regular file
 * (not a symlink), executable by this user, owned by root or this user, and writable by
 * nobody else.
 * @throws NotifyConfigError naming `<channel>.path` with the reason
 */
export function checkExecutable(channel: string, path: string): void {
  const key = `${channel}.path`;
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    throw new NotifyConfigError(
      key,
      `${path} cannot be used (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  if (stat.isSymbolicLink())
    throw new NotifyConfigError(key, `${path} is a symlink; name its target`);
  if (!stat.isFile()) throw new NotifyConfigError(key, `${path} is not a regular file`);
  const uid = process.geteuid?.() ?? 0;
  if (stat.uid !== 0 && stat.uid !== uid) {
    throw new NotifyConfigError(
      key,
      `${path} belongs to uid ${stat.uid}, not to root or this user`,
    );
  }
  if ((stat.mode & 0o022) !== 0) {
    throw new NotifyConfigError(key, `${path} is writable by group or others (chmod go-w)`);
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new NotifyConfigError(key, `${path} is not executable by this user`);
  }
}
