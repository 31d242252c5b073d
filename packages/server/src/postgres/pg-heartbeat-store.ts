import type { HeartbeatRow, HeartbeatStore } from "../store/heartbeat-store.js";
import type { HostOverviewRow } from "../store/host-overview.js";
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
    async overview(limit) {
      // Each host's newest report (DISTINCT ON walks the (host, id) index), and its heartbeat.
      const rows = await rowsOf<HostOverviewRow>(
        q,
        `WITH reported AS (
           SELECT DISTINCT ON (r.host) r.host, s.received_at AS last_report_at
           FROM reports r JOIN submissions s ON s.id = r.submission_id
           ORDER BY r.host, r.id DESC
         )
         SELECT COALESCE(rp.host, h.host) AS host, rp.last_report_at,
                h.received_at AS last_heartbeat_at, h.agent_version, h.queue_depth
         FROM reported rp FULL OUTER JOIN heartbeats h ON h.host = rp.host
         ORDER BY 1 LIMIT $1`,
        [limit],
      );
      return rows;
    },
  };
}
