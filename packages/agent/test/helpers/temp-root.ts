import { type LogType, resolveDefaults, type SpoorConfig } from "@spoor/config";
import { makeCpanelRoot } from "@spoor/test-support";

/** A throw-away root with a configuration for it. */
export interface TempRoot {
  root: string;
  config: SpoorConfig;
  logPath(type: LogType): string;
  cleanup(): Promise<void>;
}

/** Creates a unique 0700 root under the OS temp dir and a config whose every path lies in it
 *  (as `--root` would), with the cPanel log directory created. */
export async function makeTempRoot(
  options: {
    host?: string;
    followers?: LogType[];
    transmission?: Partial<SpoorConfig["transmission"]>;
    application?: Partial<SpoorConfig["application"]>;
  } = {},
): Promise<TempRoot> {
  const cpanel = await makeCpanelRoot("spoor-agent-");
  const defaults = resolveDefaults(cpanel.path);
  const followers: SpoorConfig["followers"] = {};
  for (const type of options.followers ?? ["access", "error", "login", "session"]) {
    followers[type] = { name: defaults.logPaths[type] };
  }
  const config: SpoorConfig = {
    root: defaults.root,
    sourcePath: defaults.configPath,
    followers,
    transmission: {
      ...defaults.transmission,
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
      host: options.host ?? "http://127.0.0.1:9",
      reporter: "test-host",
      ...options.transmission,
    },
    application: { ...defaults.application, ...options.application },
  };
  return {
    root: defaults.root,
    config,
    logPath: (type) => defaults.logPaths[type],
    cleanup: cpanel.cleanup,
  };
}
