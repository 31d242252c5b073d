import { existsSync, mkdirSync, readdirSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import { waitUntil } from "./wait-until.js";

/**
 * The cgroup2 hierarchy to create containers' cgroups in: `/sys/fs/cgroup/unified` in the
 * hybrid layout, `/sys/fs/cgroup` when cgroup2 is mounted there alone.
 * @throws Error when neither holds a cgroup2 hierarchy.
 */
export function findCgroup2Root(): string {
  for (const candidate of ["/sys/fs/cgroup/unified", "/sys/fs/cgroup"]) {
    if (existsSync(join(candidate, "cgroup.subtree_control"))) return candidate;
  }
  throw new Error("no cgroup2 hierarchy at /sys/fs/cgroup/unified or /sys/fs/cgroup");
}

/**
 * Creates a fresh cgroup directory `name` under `parent`.
 * @throws Error (EEXIST, EACCES) from mkdir.
 */
export function createCgroup(parent: string, name: string): string {
  const path = join(parent, name);
  mkdirSync(path);
  return path;
}

/**
 * Removes a cgroup directory and every sub-cgroup, deepest first, retrying EBUSY (a cgroup
 * stays busy for a moment while its last process is reaped) until `timeoutMs` passes.
 * A directory already gone is fine.
 * @throws Error when a cgroup is still busy at the deadline; other rmdir errors.
 */
export async function removeCgroup(path: string, timeoutMs = 10_000): Promise<void> {
  for (const directory of depthFirst(path)) {
    await waitUntil(
      `cgroup ${directory} to empty`,
      () => {
        try {
          rmdirSync(directory);
          return true;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT") return true;
          if (code === "EBUSY") return undefined;
          throw error;
        }
      },
      { timeoutMs, intervalMs: 25 },
    );
  }
}

function depthFirst(path: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return [...entries.flatMap((name) => depthFirst(join(path, name))), path];
}
