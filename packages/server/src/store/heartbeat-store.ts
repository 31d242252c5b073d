import type Database from "better-sqlite3";
import { createHostOverview, type HostOverviewRow } from "./host-overview.js";

/** A heartbeat as `POST /api/heartbeats` carries it (validated). */
export interface Heartbeat {
  host: string;
  agent_version: string | null;
  queue_depth: number | null;
  followers: Record<string, { lag_bytes?: number }> | null;
}

/** The last heartbeat of a host. */
export interface HeartbeatRow {
  host: string;
  /** Unix seconds of arrival. */
  received_at: number;
}

/** The `heartbeats` table: the last one of each host. */
export interface HeartbeatStore {
  record(heartbeat: Heartbeat, now: number): void;
  all(): HeartbeatRow[];
  /** Every host that reported or sent heartbeats, by name, at most `limit` (the hosts view). */
  overview(limit: number): HostOverviewRow[];
}

/** Opens the heartbeat store over the server's database. Never throws once prepared. */
export function createHeartbeatStore(db: Database.Database): HeartbeatStore {
  const upsert = db.prepare(
    `INSERT INTO heartbeats (host, received_at, agent_version, queue_depth, followers) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (host) DO UPDATE SET received_at = excluded.received_at, agent_version = excluded.agent_version,
       queue_depth = excluded.queue_depth, followers = excluded.followers`,
  );
  const all = db.prepare<[], HeartbeatRow>(
    "SELECT host, received_at FROM heartbeats ORDER BY host",
  );
  return {
    record(heartbeat, now) {
      upsert.run(
        heartbeat.host,
        now,
        heartbeat.agent_version,
        heartbeat.queue_depth,
        heartbeat.followers === null ? null : JSON.stringify(heartbeat.followers),
      );
    },
    all: () => all.all(),
    overview: createHostOverview(db),
  };
}
