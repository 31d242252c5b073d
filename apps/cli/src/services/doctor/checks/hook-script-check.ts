import { constants } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { isAbsolute } from "node:path";
import { accessible } from "../../path-probes.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

const NAME = "hook script";

/**
 * The installed hook script: a regular file, mode 0755, owned by `uid:gid` (root:root),
 * whose `#!` line names an absolute, existing, executable node. Never throws.
 */
export async function checkHookScript(context: DoctorContext): Promise<CheckResult> {
  const path = context.paths.hookPath;
  const reinstall = "spoor install (re-installs the hook script)";
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined) return result(NAME, "fail", `${path} does not exist`, reinstall);
  if (!stats.isFile())
    return result(
      NAME,
      "fail",
      `${path} is not a regular file (symbolic links are refused)`,
      `rm ${path} && ${reinstall}`,
    );
  const gid = process.getegid?.() ?? 0;
  if ((stats.mode & 0o7777) !== 0o755 || stats.uid !== context.uid || stats.gid !== gid) {
    const found = `mode ${(stats.mode & 0o7777).toString(8).padStart(4, "0")}, owner ${stats.uid}:${stats.gid}`;
    return result(
      NAME,
      "fail",
      `${path} has ${found}; expected mode 0755, owner ${context.uid}:0`,
      `chown ${context.uid}:0 ${path} && chmod 0755 ${path}`,
    );
  }
  const interpreter = await shebang(path);
  if (interpreter === undefined || !isAbsolute(interpreter)) {
    return result(
      NAME,
      "fail",
      `${path} does not start with an absolute #! interpreter (cPanel's clean environment may not find node on PATH)`,
      reinstall,
    );
  }
  const runnable = await accessible(interpreter, constants.X_OK);
  if (!runnable) {
    return result(
      NAME,
      "fail",
      `${path} runs ${interpreter}, which is missing or not executable (node moved or upgraded?)`,
      reinstall,
    );
  }
  return result(NAME, "ok", `${path}: mode 0755, owner ${context.uid}:${gid}, runs ${interpreter}`);
}

async function shebang(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const first = buffer.toString("utf8", 0, bytesRead).split("\n", 1)[0]!;
      return first.startsWith("#!") ? first.slice(2).trim().split(/\s+/)[0] : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
