import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LOG_TYPES } from "@spoor/config";
import { packageDirectory } from "./package-directory.js";
import type { DaemonName } from "./systemd-units.js";

const DAEMONS: readonly DaemonName[] = [
  "spoor-agent",
  "spoor-transmitter",
  ...LOG_TYPES.map((type) => `spoor-${type}-follower` as const),
];

/**
 * The absolute path of every daemon entry script, read from the `bin` map of the installed
 * `@spoor/daemons` package, so the units run the very installation that wrote them, never
 * whatever is first on PATH.
 * @throws Error when `@spoor/daemons` cannot be resolved or lacks one of the entries.
 */
export function resolveDaemonEntries(): Record<DaemonName, string> {
  const directory = packageDirectory("@spoor/daemons");
  const manifestPath = join(directory, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: Record<string, string>;
  };
  const entries = {} as Record<DaemonName, string>;
  for (const daemon of DAEMONS) {
    const relative = manifest.bin?.[daemon];
    if (relative === undefined) {
      throw new Error(`${manifestPath} has no "${daemon}" entry in its bin map`);
    }
    entries[daemon] = resolve(directory, relative);
  }
  return entries;
}
