import { parseSpoolFileName } from "./spool-file-name.js";

/**
 * Refuses a name that is not a plain file name (a path, `.`, `..`), so no operation can reach
 * outside its spool directory.
 * @throws TypeError.
 */
export function checkFileName(name: string): void {
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0")) {
    throw new TypeError(`not a spool file name: ${JSON.stringify(name)}`);
  }
}

/** Refuses a name that is not `<type>.<unix>.<digits>.json`. @throws TypeError. */
export function checkEntryName(name: string): void {
  if (parseSpoolFileName(name) === undefined) {
    throw new TypeError(`not a spool entry name: ${JSON.stringify(name)}`);
  }
}
