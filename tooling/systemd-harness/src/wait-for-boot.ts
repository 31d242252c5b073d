import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Launcher } from "./container-launcher.js";
import { readText } from "./read-text.js";
import { SystemdBootError } from "./systemd-boot-error.js";
import { containerHandle } from "./systemd-container.js";
import { waitUntil } from "./wait-until.js";

/**
 * Waits for the container's init to report its PID, for systemd's private socket, then for
 * `systemctl is-system-running --wait`, all within `timeoutMs`; resolves systemd's host PID.
 * @throws SystemdBootError (with the console, the init script's output, or the failed units
 *   and the journal's tail) when the container exits, times out or is not `running`.
 */
export async function waitForBoot(
  launcher: Launcher,
  workDir: string,
  cgroup: string,
  timeoutMs: number,
): Promise<number> {
  const failure = (problem: string, details = "") =>
    new SystemdBootError(problem, readText(join(workDir, "console")), details);
  const launchLog = () => `init script output ---\n${readText(join(workDir, "launch.log")).trim()}`;
  const started = Date.now();
  const pid = await waitUntil(
    "the container's init",
    () => {
      if (existsSync(join(workDir, "pid"))) return Number(readText(join(workDir, "pid")).trim());
      return launcher.hasExited() ? 0 : undefined;
    },
    { timeoutMs },
  ).catch(() => 0);
  const ready = (path: string) => existsSync(`/proc/${pid}/root${path}`);
  const up =
    pid > 0 &&
    (await waitUntil(
      "systemd's private socket",
      () => (launcher.hasExited() ? false : ready("/run/systemd/private") || undefined),
      { timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)) },
    ).catch(() => false));
  if (!up) {
    const how = launcher.hasExited()
      ? `the container exited (status ${launcher.child.exitCode ?? launcher.child.signalCode})`
      : `no systemd manager within ${timeoutMs} ms`;
    throw failure(how, launchLog());
  }
  const handle = containerHandle({ pid, name: "", workDir, cgroup, stop: async () => {} });
  const remaining = Math.max(1_000, timeoutMs - (Date.now() - started));
  const state = await handle.exec(["systemctl", "is-system-running", "--wait"], {
    timeoutMs: remaining,
  });
  if (state.stdout.trim() !== "running") {
    const failed = await handle.exec(["systemctl", "--failed", "--no-pager", "--no-legend"]);
    const journal = await handle.exec(["journalctl", "-b", "--no-pager", "-n", "60"]);
    throw failure(
      `systemctl is-system-running says "${state.stdout.trim() || state.signal}"`,
      `failed units ---\n${failed.stdout.trim() || "(none listed)"}\n--- journal ---\n${journal.stdout.trim()}`,
    );
  }
  return pid;
}
