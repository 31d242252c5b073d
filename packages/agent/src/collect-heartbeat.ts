import { stat } from "node:fs/promises";
import type { Heartbeat } from "@spoor/api-client";
import type { LogType, SpoorConfig } from "@spoor/config";
import { createCheckpointStore } from "@spoor/follower";
import type { SpoolStore } from "@spoor/spool";
import { AGENT_VERSION } from "./agent-version.js";
import { followerLag, type LogFileFacts } from "./follower-lag.js";

/** Options of {@link collectHeartbeat}. */
export interface CollectHeartbeatOptions {
  config: SpoorConfig;
  spool: SpoolStore;
  /** The reporting host (`metadata.reporter`). */
  reporter: string;
  /** Default: this package's version. */
  agentVersion?: string;
}

/**
 * What a heartbeat says now: the host, the agent version, the entries queued in parsed/ and,
 * for every configured follower, its lag from the checkpoint the follower last saved (so it
 * works in the transmitter daemon too, where the followers are other processes). A follower
 * whose checkpoint cannot be read is left out rather than reported caught up.
 * @throws what `spool.list()` throws (the caller logs it and skips this beat).
 */
export async function collectHeartbeat(options: CollectHeartbeatOptions): Promise<Heartbeat> {
  const { config } = options;
  const queued = await options.spool.list();
  const checkpoints = createCheckpointStore(config.application.state_path);
  const followers: Heartbeat["followers"] = {};
  for (const [type, follower] of Object.entries(config.followers) as Array<
    [LogType, { name: string }]
  >) {
    try {
      const checkpoint = await checkpoints.load(type);
      followers[type] = { lag_bytes: followerLag(checkpoint, await logFacts(follower.name)) };
    } catch {
      // An unreadable checkpoint is the follower's to report; the heartbeat just omits it.
    }
  }
  return {
    host: options.reporter,
    agent_version: options.agentVersion ?? AGENT_VERSION,
    queue_depth: queued.length,
    followers,
  };
}

async function logFacts(path: string): Promise<LogFileFacts | undefined> {
  try {
    const { dev, ino, size } = await stat(path);
    return { dev, ino, size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
