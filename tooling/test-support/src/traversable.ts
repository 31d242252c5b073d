import { stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Checks that every parent of `path` (up to `/`) lets other users through (the x bit for
 * others), so that a user such as `nobody` can reach `path` itself.
 * @throws Error naming the first parent other users cannot traverse (a private TMPDIR), or
 *   stat's error.
 */
export async function refuseUntraversableParents(path: string): Promise<void> {
  for (let parent = dirname(path); ; parent = dirname(parent)) {
    if (((await stat(parent)).mode & 0o001) === 0) {
      throw new Error(
        `${parent} is not traversable by other users, so nothing under it can run as another user: set TMPDIR to a directory under a world-traversable path`,
      );
    }
    if (dirname(parent) === parent) return;
  }
}
