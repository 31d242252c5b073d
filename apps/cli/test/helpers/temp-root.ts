import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ConfigFileContent, resolveDefaults, writeConfig } from "@spoor/config";

/** A throw-away `--root` with `etc/spoor/spoor.yml` (0600 in a 0700 directory). */
export interface TempRoot {
  root: string;
  configPath: string;
  parsedPath: string;
  remove(): Promise<void>;
}

/** Creates a temp root; `transmission` defaults to a loopback host that nobody serves;
 *  `followers` gets the root to place the logs in. */
export async function makeTempRoot(
  transmission: ConfigFileContent["transmission"] = {
    host: "http://127.0.0.1:9",
    credentials: { api_identifier: "test-id", api_secret: "test-secret" },
  },
  followers: (root: string) => ConfigFileContent["followers"] = () => ({}),
): Promise<TempRoot> {
  const root = await mkdtemp(join(tmpdir(), "spoor-cli-"));
  const defaults = resolveDefaults(root);
  await mkdir(join(root, "etc"), { mode: 0o755 });
  // Spell the spool paths out, so that `--config` alone (without `--root`) stays in the temp root.
  const { application } = defaults;
  await writeConfig(defaults.configPath, {
    followers: followers(root),
    transmission,
    application: {
      parsed_entries_path: application.parsed_entries_path,
      transmitted_entries_path: application.transmitted_entries_path,
      transmission_failed_entries_path: application.transmission_failed_entries_path,
      state_path: application.state_path,
      quarantine_path: application.quarantine_path,
    },
  });
  return {
    root,
    configPath: defaults.configPath,
    parsedPath: defaults.application.parsed_entries_path,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
