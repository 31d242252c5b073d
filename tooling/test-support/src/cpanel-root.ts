import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempDir, type TempDir } from "./temp-dir.js";

/** The four cPanel logs spoor follows. */
export type CpanelLog = "access" | "error" | "login" | "session";

/** A temp root laid out like a cPanel server's, for `--root`. */
export interface CpanelRoot extends TempDir {
  /** `<root>/usr/local/cpanel/logs/<type>_log`. */
  logPath(type: CpanelLog): string;
  /** `<root>/etc/spoor/spoor.yml` (not written: the caller writes the config it needs). */
  configPath: string;
}

/**
 * Creates a 0700 temp root holding `usr/local/cpanel/logs` with an empty log per entry of
 * `logs` (cPanel's logs exist before spoor starts) and an `etc` directory (0755, as on a
 * server) for the caller's config.
 * @throws Error from the file system.
 */
export async function makeCpanelRoot(
  prefix: string,
  logs: readonly CpanelLog[] = [],
): Promise<CpanelRoot> {
  const dir = await makeTempDir(prefix);
  const logDir = join(dir.path, "usr/local/cpanel/logs");
  const logPath = (type: CpanelLog) => join(logDir, `${type}_log`);
  await mkdir(logDir, { recursive: true, mode: 0o755 });
  await mkdir(join(dir.path, "etc"), { mode: 0o755 });
  for (const type of logs) await writeFile(logPath(type), "");
  return { ...dir, logPath, configPath: join(dir.path, "etc/spoor/spoor.yml") };
}
