import { constants } from "node:fs";
import { open, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { SpoolStore } from "@spoor/spool";
import type { AgentActivity } from "./agent-activity.js";

/** The file a running agent rewrites every few seconds in its state directory. */
export const STATUS_FILE_NAME = "status.json";

/** What `status.json` holds (snake_case, like the rest of spoor's files). */
export interface AgentStatus {
  pid: number;
  started_at: string;
  written_at: string;
  /** How often it is rewritten (ms): a file much older than this is stale. */
  interval_ms: number;
  followers: Array<{
    type: string;
    path: string;
    reading_path: string;
    position: number;
    /** Size of the file being read; undefined when it cannot be stat'ed (missing). */
    size?: number;
    lag_bytes?: number;
    missing_since?: string;
  }>;
  queue: { depth: number; oldest_age_s?: number };
  last_delivery_at?: string;
  last_error?: { at: string; reason: string };
  counts: AgentActivity["counts"];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Writes `status.json` (mode 0600, atomically: a temp file renamed into place) from the
 * activity and the spool's stats. Throws file-system errors (the reporter logs them).
 */
export async function writeStatusFile(
  options: {
    activity: AgentActivity;
    spool: SpoolStore;
    stateDirectory: string;
    statusMs?: number;
  },
  startedAt: number,
  now: number,
): Promise<void> {
  const { activity } = options;
  const stats = await options.spool.stats();
  const followers: AgentStatus["followers"] = [];
  for (const [type, follower] of activity.followers) {
    const size = await stat(follower.readingPath).then(
      (found) => found.size,
      () => undefined,
    );
    followers.push({
      type,
      path: follower.path,
      reading_path: follower.readingPath,
      position: follower.position,
      ...(size === undefined ? {} : { size, lag_bytes: Math.max(0, size - follower.position) }),
      ...(follower.missingSince === undefined ? {} : { missing_since: iso(follower.missingSince) }),
    });
  }
  const status: AgentStatus = {
    pid: process.pid,
    started_at: iso(startedAt),
    written_at: iso(now),
    interval_ms: options.statusMs ?? 5_000,
    followers,
    queue: {
      depth: stats.queued,
      ...(stats.oldestQueuedUnix === undefined
        ? {}
        : { oldest_age_s: Math.max(0, Math.round(now / 1000 - stats.oldestQueuedUnix)) }),
    },
    ...(activity.lastDeliveryAt === undefined
      ? {}
      : { last_delivery_at: iso(activity.lastDeliveryAt) }),
    ...(activity.lastError === undefined
      ? {}
      : { last_error: { at: iso(activity.lastError.at), reason: activity.lastError.reason } }),
    counts: { ...activity.counts },
  };
  const path = join(options.stateDirectory, STATUS_FILE_NAME);
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    await handle.writeFile(`${JSON.stringify(status, null, 2)}\n`);
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
