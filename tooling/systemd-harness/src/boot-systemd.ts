import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createCgroup, findCgroup2Root, removeCgroup } from "./cgroup-directory.js";
import { checkBootOptions } from "./check-boot-options.js";
import { type Launcher, launchContainer, powerOff } from "./container-launcher.js";
import { containerHandle, type SystemdContainer } from "./systemd-container.js";
import { waitForBoot } from "./wait-for-boot.js";

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
    launcher = launchContainer(cgroup, workDir, name, masks);
    const pid = await waitForBoot(launcher, workDir, cgroup, options.bootTimeoutMs ?? 60_000);
    const container = containerHandle({ pid, name, workDir, cgroup, stop: teardown });
    await container.run(["ip", "link", "set", "lo", "up"]);
    return container;
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
}
