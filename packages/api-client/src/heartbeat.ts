/** What one follower reports in a heartbeat. */
export interface FollowerHeartbeat {
  /** Bytes of its log not yet read (0 when it is caught up). */
  lag_bytes: number;
}

/** The body of `POST /api/heartbeats` (server.md §2). */
export interface Heartbeat {
  /** The reporting host (`metadata.reporter` of its reports). */
  host: string;
  agent_version: string;
  /** Entries waiting in the spool. */
  queue_depth: number;
  /** By log type, e.g. `{ login: { lag_bytes: 0 } }`. */
  followers: Record<string, FollowerHeartbeat>;
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The JSON body of a heartbeat, keys in the contract's order and nothing else.
 * @throws TypeError when `host` or `agent_version` is empty or not a string, or a count is
 *   not a non-negative whole number.
 */
export function heartbeatBody(heartbeat: Heartbeat): string {
  if (typeof heartbeat.host !== "string" || heartbeat.host === "") {
    throw new TypeError("a heartbeat needs the reporting host");
  }
  if (typeof heartbeat.agent_version !== "string" || heartbeat.agent_version === "") {
    throw new TypeError("a heartbeat needs the agent version");
  }
  if (!isCount(heartbeat.queue_depth)) {
    throw new TypeError("queue_depth must be a non-negative whole number");
  }
  const followers: Record<string, FollowerHeartbeat> = {};
  for (const [name, follower] of Object.entries(heartbeat.followers)) {
    if (!isCount(follower.lag_bytes)) {
      throw new TypeError(`followers.${name}.lag_bytes must be a non-negative whole number`);
    }
    followers[name] = { lag_bytes: follower.lag_bytes };
  }
  return JSON.stringify({
    host: heartbeat.host,
    agent_version: heartbeat.agent_version,
    queue_depth: heartbeat.queue_depth,
    followers,
  });
}
