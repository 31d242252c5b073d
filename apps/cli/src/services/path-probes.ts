import { access, lstat } from "node:fs/promises";

/** Whether anything (file, directory, link: links not followed) is at `path`. Never throws. */
export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Whether this process may use `path` as `mode` asks (access(2), default: that it exists). Never throws. */
export async function accessible(path: string, mode?: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}
