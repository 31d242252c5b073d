import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throw-away root with `etc/spoor` (0700), removed by `cleanup`. */
export interface TempRoot {
  root: string;
  configDir: string;
  configPath: string;
  /** Writes `spoor.yml` with the given text and mode (default 0600). */
  writeConfigText(text: string, mode?: number): Promise<string>;
  cleanup(): Promise<void>;
}

/** Creates a unique temp root for one test. */
export async function makeTempRoot(): Promise<TempRoot> {
  const root = await mkdtemp(join(tmpdir(), "spoor-config-"));
  const configDir = join(root, "etc/spoor");
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await chmod(configDir, 0o700);
  const configPath = join(configDir, "spoor.yml");
  return {
    root,
    configDir,
    configPath,
    async writeConfigText(text, mode = 0o600) {
      await writeFile(configPath, text, { mode });
      await chmod(configPath, mode);
      return configPath;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
