import { lstat, mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { LOG_TYPES } from "@spoor/config";
import type { PathOutcome } from "../steps/path-outcome.js";
import { layoutUnitNames, type UnitFile } from "../systemd/systemd-units.js";
import type { Ownership } from "./ensure-directory.js";
import { installFile } from "./install-file.js";

/** Every unit name spoor has ever installed (both layouts, every follower). */
export const ALL_UNIT_NAMES: readonly string[] = [
  ...layoutUnitNames("agent", LOG_TYPES),
  ...layoutUnitNames("units", LOG_TYPES),
];

/** The unit files' owner and mode. */
export function unitOwnership(): Ownership {
  return { mode: 0o644, uid: process.geteuid?.() ?? 0, gid: process.getegid?.() ?? 0 };
}

/** What installing the unit files did. */
export interface UnitInstallResult {
  outcomes: PathOutcome[];
  /** Spoor units that were installed but are not part of the new set (removed). */
  removedUnits: string[];
  /** Whether any of the new set was installed before (a re-install). */
  reinstall: boolean;
}

/**
 * Writes `files` into `unitDirectory` (0644) and removes the other spoor units with their
 * `multi-user.target.wants` links, so the two layouts never run side by side.
 * @throws UserFacingError when a unit path is a symbolic link or not a file; filesystem errors.
 */
export async function installUnits(options: {
  unitDirectory: string;
  wantsDirectory: string;
  files: readonly UnitFile[];
}): Promise<UnitInstallResult> {
  await mkdir(options.unitDirectory, { recursive: true, mode: 0o755 });
  const wanted = new Set(options.files.map((file) => file.name));
  const outcomes: PathOutcome[] = [];
  const removedUnits: string[] = [];
  for (const name of ALL_UNIT_NAMES) {
    if (wanted.has(name)) continue;
    const removed = await removeUnit(options, name);
    if (removed.length === 0) continue;
    removedUnits.push(name);
    outcomes.push(...removed);
  }
  let reinstall = false;
  for (const file of options.files) {
    const outcome = await installFile(
      join(options.unitDirectory, file.name),
      file.content,
      unitOwnership(),
    );
    if (outcome.action !== "created") reinstall = true;
    outcomes.push(outcome);
  }
  return { outcomes, removedUnits, reinstall };
}

/**
 * Removes a unit file and its boot link when present.
 * @returns an outcome per removed path (none when the unit was not installed).
 * @throws filesystem errors other than ENOENT.
 */
export async function removeUnit(
  options: { unitDirectory: string; wantsDirectory: string },
  name: string,
): Promise<PathOutcome[]> {
  const outcomes: PathOutcome[] = [];
  for (const path of [join(options.wantsDirectory, name), join(options.unitDirectory, name)]) {
    if (await removeIfPresent(path)) outcomes.push({ path, action: "removed" });
  }
  return outcomes;
}

async function removeIfPresent(path: string): Promise<boolean> {
  try {
    await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  await unlink(path);
  return true;
}
