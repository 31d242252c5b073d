import { readStatus } from "../../status.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

const START = "systemctl start spoor-agent.service (its log: journalctl -u spoor-agent.service)";

/**
 * What `spoor status` shows, as one check: the agent's status file is fresh and its process
 * alive (ok, with the queue and the last delivery), or the agent is not running or not
 * keeping up (warn). Without a status file: warn on a live installation (root "/"), ok in a
 * sandbox root, where nothing is expected to run. Never throws.
 */
export async function checkAgentStatus(context: DoctorContext): Promise<CheckResult> {
  const report = await readStatus(context.config.application.state_path, context.now);
  const { status } = report;
  if (status === undefined) {
    const reason = `no agent status in ${report.path}: spoor agent is not running`;
    return context.paths.root === "/"
      ? result("agent status", "warn", reason, START)
      : result("agent status", "ok", `${reason} (a sandbox root: nothing expected to run)`);
  }
  if (!report.alive) {
    return result(
      "agent status",
      "warn",
      `the agent that wrote ${report.path} (pid ${status.pid}) is not running`,
      START,
    );
  }
  if (!report.fresh) {
    return result(
      "agent status",
      "warn",
      `the agent (pid ${status.pid}) last wrote its status ${report.age_s} s ago; it may be stuck`,
      "systemctl restart spoor-agent.service, and look at journalctl -u spoor-agent.service",
    );
  }
  const error = status.last_error === undefined ? "" : `; last error ${status.last_error.reason}`;
  return result(
    "agent status",
    "ok",
    `running (pid ${status.pid}): ${status.queue.depth} queued, last delivery ${status.last_delivery_at ?? "none yet"}${error}`,
  );
}
