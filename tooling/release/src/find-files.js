import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Walks `root` (not following symbolic links) and returns the paths whose entry matches,
 * sorted. A matching directory is returned and not descended into.
 * @param {string} root
 * @param {(path: string, entry: import("node:fs").Dirent) => boolean} matches
 * @returns {string[]}
 * @throws Error when a directory cannot be read.
 */
export function findFiles(root, matches) {
  const found = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (matches(path, entry)) found.push(path);
    else if (entry.isDirectory()) found.push(...findFiles(path, matches));
  }
  return found.sort();
}
