import type { HostOverviewRow } from "../store/host-overview.js";
import { type Handler, requireRole } from "./route-context.js";

/** A host of `GET /api/hosts`: its overview row and whether its agent fell silent. */
export interface HostJson extends HostOverviewRow {
  /** True when the host sent heartbeats and none for the agent-silent rule's minutes. */
  silent: boolean;
}

/** Most hosts the list answers. */
export const HOSTS_LIMIT = 5000;

/**
 * Whether a host is silent: it sent heartbeats, and the last is at least `silentSeconds`
 * old (null: the agent-silent rule is off). Pure; never throws.
 */
export function isSilent(row: HostOverviewRow, now: number, silentSeconds: number | null) {
  return (
    silentSeconds !== null &&
    row.last_heartbeat_at !== null &&
    now - row.last_heartbeat_at >= silentSeconds
  );
}

/**
 * `GET /api/hosts` (analyst) → `{"now":S,"hosts":[{host, last_report_at, last_heartbeat_at,
 * agent_version, queue_depth, silent}]}` by host name, at most 5000.
 */
export const listHosts: Handler = async (context, { principal }) => {
  requireRole(principal, "analyst");
  return { status: 200, body: await context.hosts() };
};
