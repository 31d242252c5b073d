import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CommandFailedError } from "./command-failed-error.js";
import { type ProcessResult, type RunProcessOptions, runProcess } from "./run-process.js";

/** The environment commands inside get: nothing from the test runner leaks in. */
export const CONTAINER_ENV: Readonly<Record<string, string>> = {
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  LANG: "C.UTF-8",
  HOME: "/root",
  TERM: "dumb",
  SYSTEMD_PAGER: "",
  SYSTEMD_COLORS: "0",
};

/** What `exec` may be given besides the command. */
export interface ExecOptions extends Omit<RunProcessOptions, "env"> {
  /** Added to (or replacing entries of) CONTAINER_ENV. */
  env?: Record<string, string>;
}

/** A booted container: commands, files and logs inside it, and its teardown. */
export interface SystemdContainer {
  /** systemd's PID (PID 1 inside) as the host sees it. */
  readonly pid: number;
  /** The container's hostname. */
  readonly name: string;
  /** The host directory holding the console file and the (host-side empty) mount points. */
  readonly workDir: string;
  /** The container's cgroup2 directory on the host. */
  readonly cgroup: string;
  /**
   * Runs `argv` inside every namespace of the container (`nsenter -t PID -a`), with
   * CONTAINER_ENV; resolves with the status and output whatever the exit status.
   * @throws Error (rejects) when nsenter cannot be started.
   */
  exec(argv: readonly string[], options?: ExecOptions): Promise<ProcessResult>;
  /**
   * Like `exec`, and resolves with stdout only when the command exits 0.
   * @throws CommandFailedError for any other end.
   */
  run(argv: readonly string[], options?: ExecOptions): Promise<string>;
  /** `systemctl --no-pager ARGS…` inside; the result whatever the exit status. */
  systemctl(...args: string[]): Promise<ProcessResult>;
  /**
   * `systemctl show -p NAME…` of one unit as a map (`ActiveState` → `active`).
   * @throws CommandFailedError when systemctl fails.
   */
  show(unit: string, properties: readonly string[]): Promise<Record<string, string>>;
  /**
   * The messages a unit logged (`journalctl -u UNIT -o cat`), one per element, oldest first.
   * @throws CommandFailedError when journalctl fails.
   */
  journal(unit: string): Promise<string[]>;
  /**
   * A file inside, read from outside through `/proc/PID/root`. An absolute symbolic link on
   * the way resolves against the host's root, so read only paths you created or know.
   * @throws Error (ENOENT…) from the read.
   */
  readFile(path: string): Promise<string>;
  /**
   * Writes (or with `append`, appends to) a file inside, by a shell inside the container, so
   * every path resolves in the container's root.
   * @throws CommandFailedError when the write fails.
   */
  writeFile(
    path: string,
    data: string | Buffer,
    options?: { append?: boolean; mode?: string },
  ): Promise<void>;
  /** The console so far: what the init script and systemd printed before the journal took over, and fatal errors (systemd itself logs to the journal). */
  console(): Promise<string>;
  /**
   * Powers the container off (SIGRTMIN+4), waits for systemd to exit (SIGKILL after a
   * deadline), removes its cgroups and its work directory. Safe to call twice.
   * @throws Error when the cgroups cannot be removed.
   */
  stop(): Promise<void>;
}

/** What the handle is built from (`bootSystemd` supplies it). */
export interface ContainerParts {
  pid: number;
  name: string;
  workDir: string;
  cgroup: string;
  stop: () => Promise<void>;
}

/** Builds the handle around a booted container. Never throws. */
export function containerHandle(parts: ContainerParts): SystemdContainer {
  const { pid } = parts;
  const exec = (argv: readonly string[], options: ExecOptions = {}) =>
    runProcess(["nsenter", "-t", String(pid), "-a", "-r", "-w", "--", ...argv], {
      ...options,
      env: { ...CONTAINER_ENV, ...options.env },
    });
  const run = async (argv: readonly string[], options?: ExecOptions) => {
    const result = await exec(argv, options);
    if (result.code !== 0) throw new CommandFailedError(argv, result);
    return result.stdout;
  };
  let stopping: Promise<void> | undefined;
  return {
    pid,
    name: parts.name,
    workDir: parts.workDir,
    cgroup: parts.cgroup,
    exec,
    run,
    systemctl: (...args) => exec(["systemctl", "--no-pager", ...args]),
    async show(unit, properties) {
      const text = await run(["systemctl", "show", "-p", properties.join(","), "--", unit]);
      return parseShow(text);
    },
    async journal(unit) {
      const text = await run(["journalctl", "--no-pager", "-o", "cat", "-u", unit]);
      return text.split("\n").filter((line) => line !== "");
    },
    readFile: (path) => readFile(join(`/proc/${pid}/root`, path), "utf8"),
    async writeFile(path, data, options = {}) {
      const redirect = options.append ? ">>" : ">";
      const chmod = options.mode === undefined ? "" : ' && chmod "$2" "$1"';
      await run(["sh", "-c", `cat ${redirect} "$1"${chmod}`, "sh", path, options.mode ?? ""], {
        input: data,
      });
    },
    console: () => readFile(join(parts.workDir, "console"), "utf8"),
    stop() {
      stopping ??= parts.stop();
      return stopping;
    },
  };
}

/** `Key=value` lines of `systemctl show` as a map. Never throws. */
export function parseShow(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const equals = line.indexOf("=");
    if (equals > 0) properties[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return properties;
}
