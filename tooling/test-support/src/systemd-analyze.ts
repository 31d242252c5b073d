import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);
const SYSTEMD_ANALYZE = "/usr/bin/systemd-analyze";

/** Whether this machine has systemd-analyze; without it, unit tests check directives instead. */
export const hasSystemdAnalyze: boolean = existsSync(SYSTEMD_ANALYZE);

/**
 * `systemd-analyze verify PATH`: what it printed (both empty for a unit it finds sound).
 * @throws Error when systemd-analyze exits non-zero or is missing.
 */
export async function verifyUnit(path: string): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await run(SYSTEMD_ANALYZE, ["verify", path]);
  return { stdout, stderr };
}

/**
 * The overall exposure level `systemd-analyze security --offline=yes PATH` gives the unit
 * (0 safest … 10; it exits non-zero above its threshold, which is not a failure here).
 * @throws Error when its output holds no exposure level.
 */
export async function unitExposure(path: string): Promise<number> {
  const { stdout } = await run(SYSTEMD_ANALYZE, [
    "security",
    "--offline=yes",
    "--no-pager",
    path,
  ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const match = /Overall exposure level for \S+: (\d+\.\d+)/.exec(stdout);
  if (match === null) throw new Error(`no exposure level in: ${stdout.slice(-500)}`);
  return Number(match[1]);
}
