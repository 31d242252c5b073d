import { findFiles } from "./find-files.js";

/**
 * Every native addon (`*.node` file) under `root`, sorted.
 * @param {string} root
 * @returns {string[]}
 * @throws Error when a directory cannot be read.
 */
export function findNativeCode(root) {
  return findFiles(root, (_path, entry) => entry.isFile() && entry.name.endsWith(".node"));
}
