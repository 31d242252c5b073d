import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readText } from "./read-text.js";

/** glibc's SIGRTMIN is 34; systemd powers off cleanly on SIGRTMIN+4. */
const SIGRTMIN_PLUS_4 = 38;

const INIT_SCRIPT = fileURLToPath(new URL("../scripts/container-init.sh", import.meta.url));

/** The process that holds a container's namespaces (setpriv → unshare). */
export interface Launcher {
  child: ChildProcess;
  /** Resolves when the unshare process has exited. */
  exited: Promise<void>;
  hasExited: () => boolean;
}

/**
 * Starts the container: a shell that moves itself into `cgroup` and becomes `setpriv
 * --pdeathsig KILL unshare …`, whose child (PID 1 of the new namespaces) runs
 * scripts/container-init.sh and then systemd. Its output goes to `<workDir>/launch.log`.
 * @throws Error when the log file cannot be created.
 */
export function launchContainer(
  cgroup: string,
  workDir: string,
  name: string,
  masks: string[],
): Launcher {
  const log = openSync(join(workDir, "launch.log"), "w");
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      'echo $$ >"$1/cgroup.procs" && shift && exec setpriv --pdeathsig KILL unshare --pid --fork --kill-child --mount --uts --ipc --net --cgroup "$@"',
      "sh",
      cgroup,
      "/bin/sh",
      INIT_SCRIPT,
      workDir,
      name,
      ...masks,
    ],
    { stdio: ["ignore", log, log] },
  );
  closeSync(log);
  let done = false;
  const exited = new Promise<void>((resolve) => {
    child.on("exit", () => {
      done = true;
      resolve();
    });
    child.on("error", () => {
      done = true;
      resolve();
    });
  });
  return { child, exited, hasExited: () => done };
}

/**
 * Powers a container off: SIGRTMIN+4 to its systemd (the PID in `<workDir>/pid`), SIGKILL to
 * it and the launcher after `timeoutMs`; resolves once the launcher has exited. Never throws.
 */
export async function powerOff(
  launcher: Launcher,
  workDir: string,
  timeoutMs: number,
): Promise<void> {
  if (launcher.hasExited()) return;
  const pid = existsSync(join(workDir, "pid")) ? Number(readText(join(workDir, "pid"))) : 0;
  if (pid > 0) signal(pid, SIGRTMIN_PLUS_4);
  else launcher.child.kill("SIGKILL");
  const timer = setTimeout(() => {
    launcher.child.kill("SIGKILL");
    if (pid > 0) signal(pid, "SIGKILL");
  }, timeoutMs);
  await launcher.exited;
  clearTimeout(timer);
}

function signal(pid: number, which: number | NodeJS.Signals): void {
  try {
    process.kill(pid, which);
  } catch {
    // already gone
  }
}
