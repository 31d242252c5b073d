import type Database from "better-sqlite3";
import { compileHostGlob } from "../auth/host-glob.js";

/**
 * Adds the SQL function `host_glob(glob, host)` (1 when the host matches the `--hosts`
 * glob), so lists of a reporter bound to a glob are filtered and paged by SQLite itself.
 * Compiled globs are kept (at most 1000). Never throws.
 */
export function registerFunctions(db: Database.Database): void {
  const compiled = new Map<string, (host: string) => boolean>();
  db.function("host_glob", { deterministic: true }, (glob: unknown, host: unknown) => {
    if (typeof glob !== "string" || typeof host !== "string") return 0;
    let matcher = compiled.get(glob);
    if (matcher === undefined) {
      if (compiled.size >= 1000) compiled.clear();
      matcher = compileHostGlob(glob);
      compiled.set(glob, matcher);
    }
    return matcher(host) ? 1 : 0;
  });
}
