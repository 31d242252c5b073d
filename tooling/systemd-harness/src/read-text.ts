import { readFileSync } from "node:fs";

/** A file's text, or "" when it cannot be read (not there yet, already gone). Never throws. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
