import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempDir, type TempDir } from "./temp-dir.js";

/** The four spool directories (shaped like @spoor/spool's SpoolPaths). */
export interface SandboxSpool {
  parsed: string;
  transmitted: string;
  failed: string;
  quarantine: string;
}

/** A temp root holding a 0600 config in a 0700 directory and the spool it names. */
export interface HookSandbox extends TempDir {
  root: string;
  configPath: string;
  spool: SandboxSpool;
}

/** Options of {@link makeHookSandbox}. */
export interface HookSandboxOptions {
  /** `transmission.events`: the opt-in kinds (default none). */
  events?: readonly string[];
  /** Added to the `application` section (e.g. `spool_max_entries: 5`). */
  limits?: Readonly<Record<string, number>>;
  /** `transmission.credentials.api_identifier` (default `hook-test`). */
  apiIdentifier?: string;
}

/**
 * Creates `<tmpdir>/<prefix>XXXXXX` (0700) with `etc/spoor.yml` (0600 in 0700) whose every
 * path lies inside it: the cPanel hook's config as the installer writes it, for a run with
 * `--config`. The spool directories are not created (the hook creates them).
 * @throws Error from the file system.
 */
export async function makeHookSandbox(
  prefix: string,
  options: HookSandboxOptions = {},
): Promise<HookSandbox> {
  const dir = await makeTempDir(prefix);
  const etc = join(dir.path, "etc");
  await mkdir(etc, { mode: 0o700 });
  const state = join(dir.path, "state");
  const spool: SandboxSpool = {
    parsed: join(state, "parsed"),
    transmitted: join(state, "transmitted"),
    failed: join(state, "failed"),
    quarantine: join(state, "quarantine"),
  };
  const configPath = join(etc, "spoor.yml");
  const application: Record<string, string | number> = {
    parsed_entries_path: spool.parsed,
    transmitted_entries_path: spool.transmitted,
    transmission_failed_entries_path: spool.failed,
    quarantine_path: spool.quarantine,
    state_path: join(state, "state"),
    ...options.limits,
  };
  const yaml = [
    "followers:",
    `  error: { name: ${JSON.stringify(join(dir.path, "error_log"))} }`,
    "transmission:",
    `  credentials: { api_identifier: ${options.apiIdentifier ?? "hook-test"}, api_secret: not-a-real-secret }`,
    "  host: https://spoor.example.test",
    `  events: ${JSON.stringify(options.events ?? [])}`,
    "application:",
    ...Object.entries(application).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
    "",
  ].join("\n");
  await writeFile(configPath, yaml, { mode: 0o600 });
  return { ...dir, root: dir.path, configPath, spool };
}
