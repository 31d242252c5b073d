import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A real cPanel v120 log in the repository's `fixtures/cpanel-v120/`. */
export type CorpusLog = "access_log" | "error_log" | "login_log" | "session_log";

/** The absolute path of a corpus log (resolved from this package inside the repository). */
export function corpusPath(log: CorpusLog): string {
  return fileURLToPath(new URL(`../../../fixtures/cpanel-v120/${log}`, import.meta.url));
}

/**
 * The corpus log's non-empty lines as bytes, without "\n" (background traffic).
 * @throws Error when the file cannot be read.
 */
export function corpusLines(log: CorpusLog): Buffer[] {
  const bytes = readFileSync(corpusPath(log));
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    if (i > start) lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return lines;
}
