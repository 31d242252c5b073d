import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type ConfigFileContent, type LogType, resolveDefaults, writeConfig } from "@spoor/config";
import { makeCpanelRoot } from "@spoor/test-support";

/** A throw-away `--root` with a real spoor.yml (0600 in a 0700 directory). */
export interface SpoorRoot {
  root: string;
  configPath: string;
  logPath(type: LogType): string;
  parsedDir: string;
  checkpointPath(type: LogType): string;
  /** The saved checkpoint's offset, or undefined before the first save. */
  checkpointOffset(type: LogType): Promise<number | undefined>;
  cleanup(): Promise<void>;
}

/** Creates a unique root under the OS temp dir, its cPanel log directory (with empty logs for
 *  `followers`) and `etc/spoor/spoor.yml` naming them. */
export async function makeSpoorRoot(options: {
  followers: LogType[];
  host?: string;
  transmission?: Partial<ConfigFileContent["transmission"]>;
}): Promise<SpoorRoot> {
  const cpanel = await makeCpanelRoot("spoor-daemons-", options.followers);
  const defaults = resolveDefaults(cpanel.path);
  const followers: ConfigFileContent["followers"] = {};
  for (const type of options.followers) followers[type] = { name: defaults.logPaths[type] };
  await writeConfig(defaults.configPath, {
    followers,
    transmission: {
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
      host: options.host ?? "http://127.0.0.1:9",
      ...options.transmission,
    },
  });
  const checkpointPath = (type: LogType) =>
    join(defaults.application.state_path, `${type}.checkpoint.json`);
  return {
    root: defaults.root,
    configPath: defaults.configPath,
    logPath: (type) => defaults.logPaths[type],
    parsedDir: defaults.application.parsed_entries_path,
    checkpointPath,
    async checkpointOffset(type) {
      const text = await readFile(checkpointPath(type), "utf8").catch(() => undefined);
      return text === undefined ? undefined : (JSON.parse(text) as { offset: number }).offset;
    },
    cleanup: cpanel.cleanup,
  };
}
