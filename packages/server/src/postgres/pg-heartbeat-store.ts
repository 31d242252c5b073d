import type { HeartbeatRow, HeartbeatStore } from "../store/heartbeat-store.js";
import type { Async } from "../store/server-store.js";
import { changesOf, type Queryable, rowsOf } from "./queryable.js";

/** The `heartbeats` table on PostgreSQL. */
export function createPgHeartbeatStore(q: Queryable): Async<HeartbeatStore> {
  return {
    async record(heartbeat, now) {
      await changesOf(
        q,
        `INSERT INTO heartbeats (host, received_at, agent_version, queue_depth, followers)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (host) DO UPDATE SET received_at = excluded.received_at,
           agent_version = excluded.agent_version, queue_depth = excluded.queue_depth,
           followers = excluded.followers`,
        [
          heartbeat.host,
          now,
          heartbeat.agent_version,
          heartbeat.queue_depth,
          heartbeat.followers === null ? null : JSON.stringify(heartbeat.followers),
        ],
      );
    },
    all: () => rowsOf<HeartbeatRow>(q, "SELECT host, received_at FROM heartbeats ORDER BY host"),
  };
}
