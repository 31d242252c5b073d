import type Database from "better-sqlite3";

/** One host as the console's hosts view shows it. */
export interface HostOverviewRow {
  host: string;
  /** Unix seconds the server received the host's newest report, or null. */
  last_report_at: number | null;
  /** Unix seconds of the host's last heartbeat, or null when it never sent one. */
  last_heartbeat_at: number | null;
  agent_version: string | null;
  queue_depth: number | null;
}

/**
 * The hosts that reported or sent heartbeats, by name, at most `limit`. The distinct hosts
 * of `reports` are read by skipping along its `(host, id)` index (one seek per host, not a
 * scan of every report), so the answer costs the number of hosts, not of reports.
 * Never throws once prepared.
 */
export function createHostOverview(db: Database.Database): (limit: number) => HostOverviewRow[] {
  const reported = db.prepare<[number], { host: string; last_report_at: number }>(
    `WITH RECURSIVE seen(host) AS (
       SELECT MIN(host) FROM reports
       UNION ALL
       SELECT (SELECT MIN(r.host) FROM reports r WHERE r.host > seen.host) FROM seen WHERE seen.host IS NOT NULL
     )
     SELECT seen.host AS host, s.received_at AS last_report_at
     FROM seen
     JOIN reports r ON r.id = (SELECT MAX(id) FROM reports WHERE host = seen.host)
     JOIN submissions s ON s.id = r.submission_id
     WHERE seen.host IS NOT NULL
     LIMIT ?`,
  );
  const beats = db.prepare<[number], Omit<HostOverviewRow, "last_report_at">>(
    `SELECT host, received_at AS last_heartbeat_at, agent_version, queue_depth
     FROM heartbeats ORDER BY host LIMIT ?`,
  );
  return (limit) => {
    const hosts = new Map<string, HostOverviewRow>();
    for (const row of reported.all(limit)) {
      hosts.set(row.host, {
        host: row.host,
        last_report_at: row.last_report_at,
        last_heartbeat_at: null,
        agent_version: null,
        queue_depth: null,
      });
    }
    for (const beat of beats.all(limit)) {
      hosts.set(beat.host, {
        last_report_at: hosts.get(beat.host)?.last_report_at ?? null,
        ...beat,
      });
    }
    return [...hosts.values()].sort((a, b) => (a.host < b.host ? -1 : 1)).slice(0, limit);
  };
}
