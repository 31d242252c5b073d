import { promises as fsp } from "node:fs";
import { CheckpointError } from "./checkpoint-error.js";

/**
 * Creates `dir` (mode 0700) if missing, then checks it is a real directory owned by
 * `owner` and not writable by group or others.
 * @throws CheckpointError "symlink", "not-a-directory", "foreign-owner" or "unsafe-mode"
 */
export async function checkStateDirectory(dir: string, owner: number): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const stat = await fsp.lstat(dir);
  if (stat.isSymbolicLink()) {
    throw new CheckpointError(dir, "symlink", "point the state path at a real directory");
  }
  if (!stat.isDirectory()) throw new CheckpointError(dir, "not-a-directory", "remove it");
  if (stat.uid !== owner) {
    throw new CheckpointError(dir, "foreign-owner", `chown ${owner} ${dir}`);
  }
  if ((stat.mode & 0o022) !== 0) {
    throw new CheckpointError(dir, "unsafe-mode", `chmod 700 ${dir}`);
  }
}
