import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { LOG_TYPES } from "@spoor/config";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

/**
 * Each configured log: present, a regular file, readable; and readable by root without
 * capabilities (the units drop them all), i.e. through its owner, group or other bits.
 * Never throws.
 */
export async function checkLogs(context: DoctorContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const type of LOG_TYPES) {
    const path = context.config.followers[type]?.name;
    if (path !== undefined) results.push(await checkLog(`log ${type}`, path));
  }
  if (results.length === 0) {
    results.push(
      result(
        "logs",
        "fail",
        "no follower is configured",
        "add followers to the config with spoor install",
      ),
    );
  }
  return results;
}

async function checkLog(name: string, path: string): Promise<CheckResult> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return result(
        name,
        "fail",
        `${path} does not exist; its follower waits for it`,
        `check the path in the config (spoor install --non-interactive --${name.slice(4)}-log PATH)`,
      );
    }
    return result(
      name,
      "fail",
      `${path} cannot be read (${code ?? "error"})`,
      `check the permissions of ${path}`,
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      return result(
        name,
        "fail",
        `${path} is not a regular file`,
        "point the follower at the log file itself",
      );
    const bits = stats.uid === 0 ? 0o400 : stats.gid === 0 ? 0o040 : 0o004;
    if ((stats.mode & bits) === 0) {
      return result(
        name,
        "warn",
        `${path} is owned by uid ${stats.uid} and not readable by root without capabilities (the units run with none)`,
        `chown root ${path}, or make it group-readable by root`,
      );
    }
    return result(name, "ok", `${path} is readable (${stats.size} bytes)`);
  } finally {
    await handle.close();
  }
}
