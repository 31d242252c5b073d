import type { StatusReport } from "../services/status.js";

/** The text of `spoor status`: one line per fact, aligned. Never throws. */
export function renderStatus(report: StatusReport): string {
  const { status } = report;
  if (status === undefined) {
    return `agent       not running: no status in ${report.path} (start it with systemctl start spoor-agent.service, or spoor agent)\n`;
  }
  const state = report.alive
    ? report.fresh
      ? "running"
      : "running, but not writing its status"
    : "not running";
  const lines = [
    `agent       ${state} (pid ${status.pid}, started ${status.started_at}, status written ${report.age_s ?? "?"} s ago)`,
  ];
  for (const follower of status.followers) {
    const size =
      follower.size === undefined
        ? "missing"
        : `position ${follower.position} of ${follower.size} bytes (lag ${follower.lag_bytes ?? 0})`;
    lines.push(`follower    ${follower.type.padEnd(8)} ${follower.path}: ${size}`);
  }
  const oldest =
    status.queue.oldest_age_s === undefined ? "" : `, oldest ${status.queue.oldest_age_s} s old`;
  lines.push(`queue       ${status.queue.depth} queued${oldest}`);
  lines.push(
    `delivered   ${status.counts.delivered} since start, last at ${status.last_delivery_at ?? "never"}`,
  );
  lines.push(
    `last error  ${status.last_error === undefined ? "none" : `${status.last_error.reason} at ${status.last_error.at}`}`,
  );
  return `${lines.join("\n")}\n`;
}
