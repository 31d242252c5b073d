import { LOG_TYPES } from "@spoor/config";
import { packageBin } from "./package-directory.js";
import type { DaemonName } from "./systemd-units.js";

const DAEMONS: readonly DaemonName[] = [
  "spoor-agent",
  "spoor-transmitter",
  ...LOG_TYPES.map((type) => `spoor-${type}-follower` as const),
];

/**
 * The absolute path of every daemon entry script, from the `bin` map of the installed
 * `@spoor/daemons` package, so the units run the very installation that wrote them, never
 * whatever is first on PATH.
 * @throws Error when `@spoor/daemons` cannot be resolved or lacks one of the entries.
 */
export function resolveDaemonEntries(): Record<DaemonName, string> {
  const entries = {} as Record<DaemonName, string>;
  for (const daemon of DAEMONS) entries[daemon] = packageBin("@spoor/daemons", daemon);
  return entries;
}
