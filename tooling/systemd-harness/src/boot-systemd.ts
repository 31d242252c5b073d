import { type ChildProcess, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCgroup, findCgroup2Root, removeCgroup } from "./cgroup-directory.js";
import { checkBootOptions } from "./check-boot-options.js";
import { SystemdBootError } from "./systemd-boot-error.js";
import { containerHandle, type SystemdContainer } from "./systemd-container.js";
import { waitUntil } from "./wait-until.js";

/** Units masked in every container: they fail or do not belong there (systemd-ci.md). */
export const DEFAULT_MASKS: readonly string[] = [
  "console-getty.service",
  "sys-kernel-debug.mount",
  "sys-kernel-tracing.mount",
  "sys-kernel-config.mount",
  "sys-fs-fuse-connections.mount",
  "postgresql.service",
  "avahi-daemon.service",
  "avahi-daemon.socket",
];

/** glibc's SIGRTMIN is 34; systemd powers off cleanly on SIGRTMIN+4. */
const SIGRTMIN_PLUS_4 = 38;

const INIT_SCRIPT = fileURLToPath(new URL("../scripts/container-init.sh", import.meta.url));

/** What container `bootSystemd` boots. */
export interface BootOptions {
  /** The container's hostname (letters, digits, `-`; default `spoor-test`). */
  name?: string;
  /** More units to mask (linked to /dev/null) besides DEFAULT_MASKS. */
  mask?: readonly string[];
  /** Absolute paths deleted from the overlay before systemd starts (e.g. `/usr/bin/node`). */
  remove?: readonly string[];
  /** How long systemd may take to finish booting (default 60 s). */
  bootTimeoutMs?: number;
  /** How long a clean poweroff may take before SIGKILL (default 20 s). */
  stopTimeoutMs?: number;
  /** Where the work directory is created (default the OS temp directory). */
  workParent?: string;
  /** The cgroup2 directory the container's cgroup is created in (default: found). */
  cgroupParent?: string;
}

/**
 * Boots systemd as PID 1 of new PID, mount, UTS, IPC, network and cgroup namespaces on a
 * throw-away overlay of this machine's root (upper layer on a tmpfs), with `/run`, `/tmp`,
 * `/dev` fresh, `/proc/sys` read-only and loopback up; waits until `systemctl
 * is-system-running` says `running`. Nothing is mounted in the caller's namespace. The
 * container runs under `setpriv --pdeathsig KILL`, so it dies with the calling process.
 * Needs root with CAP_SYS_ADMIN.
 * @throws TypeError for a bad name, mask or path; SystemdBootError (with the console output)
 *   when the container does not come up; everything is torn down before it throws.
 */
export async function bootSystemd(options: BootOptions = {}): Promise<SystemdContainer> {
  const name = options.name ?? "spoor-test";
  const masks = [...DEFAULT_MASKS, ...(options.mask ?? [])];
  checkBootOptions(name, masks, options.remove ?? []);
  const workDir = mkdtempSync(join(options.workParent ?? tmpdir(), "spoor-systemd-"));
  for (const directory of ["layers", "root"]) mkdirSync(join(workDir, directory));
  writeFileSync(join(workDir, "console"), "");
  writeFileSync(
    join(workDir, "remove"),
    (options.remove ?? []).map((path) => `${path}\n`).join(""),
  );
  let cgroup: string | undefined;
  let launcher: Launcher | undefined;
  const teardown = async () => {
    if (launcher !== undefined) await powerOff(launcher, workDir, options.stopTimeoutMs ?? 20_000);
    if (cgroup !== undefined) await removeCgroup(cgroup);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    cgroup = createCgroup(options.cgroupParent ?? findCgroup2Root(), basename(workDir));
    launcher = launch(cgroup, workDir, name, masks);
    const pid = await waitForBoot(launcher, workDir, cgroup, options.bootTimeoutMs ?? 60_000);
    const container = containerHandle({ pid, name, workDir, cgroup, stop: teardown });
    await container.run(["ip", "link", "set", "lo", "up"]);
    return container;
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
}

interface Launcher {
  child: ChildProcess;
  /** Resolves when the unshare process has exited. */
  exited: Promise<void>;
  hasExited: () => boolean;
}

function launch(cgroup: string, workDir: string, name: string, masks: string[]): Launcher {
  const log = openSync(join(workDir, "launch.log"), "w");
  // The shell moves itself into the fresh cgroup, then becomes setpriv → unshare, whose
  // child (PID 1 of the new namespaces) runs the init script and then systemd.
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

async function waitForBoot(
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

async function powerOff(launcher: Launcher, workDir: string, timeoutMs: number): Promise<void> {
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

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
