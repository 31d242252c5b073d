import { writeConfig } from "@spoor/config";
import { openRegularFile } from "@spoor/safe-file";
import type { PathOutcome } from "../steps/path-outcome.js";
import { type Ownership, repairHandle } from "./ensure-directory.js";
import type { ConfigPlan } from "./install-config.js";

/**
 * Applies a config plan: writes the new content (0600 from creation, atomically, through
 * @spoor/config) or keeps the existing file and repairs its owner and mode.
 * @returns what happened to the file; `detail` lists the changed keys, never a value.
 * @throws ConfigError when the content would not load; RefusedFileError (@spoor/safe-file)
 *   when the file is a symbolic link or not a regular file; filesystem errors.
 */
export async function applyConfigPlan(
  path: string,
  plan: ConfigPlan,
  ownership: Ownership,
  existed: boolean,
): Promise<PathOutcome> {
  if (plan.content !== undefined) {
    await writeConfig(path, plan.content);
    const { handle } = await openRegularFile(path);
    try {
      await repairHandle(handle, ownership);
    } finally {
      await handle.close();
    }
    if (!existed) return { path, action: "created" };
    return { path, action: "written", detail: `changed ${plan.changes.join(", ")}` };
  }
  const { handle } = await openRegularFile(path);
  try {
    const repaired = await repairHandle(handle, ownership);
    const kept = "content and credentials unchanged";
    return repaired === undefined
      ? { path, action: "kept", detail: kept }
      : { path, action: "repaired", detail: `${repaired}; ${kept}` };
  } finally {
    await handle.close();
  }
}
