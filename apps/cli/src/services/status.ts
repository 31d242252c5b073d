import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { type AgentStatus, STATUS_FILE_NAME } from "@spoor/agent";
import { loadConfig } from "@spoor/config";
import type { ConfigLocation } from "../api/open-api-client.js";

const MAX_STATUS_BYTES = 1024 * 1024;

/** What `spoor status` found: the agent's last status file, and whether it is still running. */
export interface StatusReport {
  /** The status file read. */
  path: string;
  /** Whether the process that wrote it still runs. */
  alive: boolean;
  /** Seconds since the file was written. */
  age_s?: number;
  /** Written within three intervals (an agent that writes it is keeping up). */
  fresh: boolean;
  /** The file's content; absent when no agent has written one. */
  status?: AgentStatus;
}

/**
 * `spoor status`: reads `<state_path>/status.json`, which a running `spoor agent` rewrites
 * every few seconds, and says whether the process that wrote it is alive. Never follows a
 * symbolic link; reads at most 1 MiB.
 * @throws ConfigError / PermissionError (user-facing) when the configuration is refused.
 */
export async function status(
  options: ConfigLocation & { now?: () => number },
): Promise<StatusReport> {
  const config = await loadConfig({ path: options.configPath, root: options.root });
  return readStatus(config.application.state_path, options.now ?? Date.now);
}

/** The status report for the state directory `stateDirectory`. Never throws for a missing,
 *  unreadable or malformed file (it reports no status). */
export async function readStatus(
  stateDirectory: string,
  now: () => number = Date.now,
): Promise<StatusReport> {
  const path = join(stateDirectory, STATUS_FILE_NAME);
  const found = await readJson(path);
  if (found === undefined) return { path, alive: false, fresh: false };
  const ageMs = Math.max(0, now() - Date.parse(found.written_at));
  return {
    path,
    alive: isAlive(found.pid),
    age_s: Math.round(ageMs / 1000),
    fresh: ageMs <= 3 * found.interval_ms,
    status: found,
  };
}

async function readJson(path: string): Promise<AgentStatus | undefined> {
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const buffer = Buffer.alloc(MAX_STATUS_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const value = JSON.parse(buffer.toString("utf8", 0, bytesRead)) as AgentStatus;
      return typeof value.pid === "number" && typeof value.written_at === "string"
        ? value
        : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
