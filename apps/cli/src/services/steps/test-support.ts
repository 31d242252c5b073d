import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DAEMON_NAMES, type DaemonName } from "../systemd/systemd-units.js";

/** A throw-away root for a test, with fake daemon entries and hook bundle beside it. */
export interface Sandbox {
  directory: string;
  root: string;
  daemonEntries: Record<DaemonName, string>;
  hookBundlePath: string;
  cleanup(): Promise<void>;
}

/** Creates a sandbox under the OS temp directory. */
export async function createSandbox(): Promise<Sandbox> {
  const directory = await mkdtemp(join(tmpdir(), "spoor-cli-test-"));
  const root = join(directory, "root");
  await mkdir(join(directory, "daemons"), { recursive: true });
  const daemonEntries = {} as Record<DaemonName, string>;
  for (const daemon of DAEMON_NAMES) {
    daemonEntries[daemon] = join(directory, "daemons", `${daemon}.js`);
    await writeFile(daemonEntries[daemon], "process.exit(0);\n");
  }
  const hookBundlePath = join(directory, "hook.js");
  await writeFile(hookBundlePath, "#!/usr/bin/env node\nconsole.log('hook');\n");
  return {
    directory,
    root,
    daemonEntries,
    hookBundlePath,
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}

/** `mode & 07777` of a path (not following a final symlink is not needed here). */
export async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o7777;
}
