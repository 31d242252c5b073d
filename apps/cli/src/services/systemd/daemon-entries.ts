import { packageBin } from "./package-directory.js";
import { DAEMON_NAMES, type DaemonName } from "./systemd-units.js";

/**
 * The absolute path of every daemon entry script, from the `bin` map of the installed
 * `@spoor/daemons` package, so the units run the very installation that wrote them, never
 * whatever is first on PATH.
 * @throws Error when `@spoor/daemons` cannot be resolved or lacks one of the entries.
 */
export function resolveDaemonEntries(): Record<DaemonName, string> {
  const entries = {} as Record<DaemonName, string>;
  for (const daemon of DAEMON_NAMES) entries[daemon] = packageBin("@spoor/daemons", daemon);
  return entries;
}
