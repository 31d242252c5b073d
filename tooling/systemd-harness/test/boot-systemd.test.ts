import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeCgroup } from "../src/cgroup-directory.js";
import { bootSystemd, type SystemdContainer, waitUntil } from "../src/index.js";

const hostMounts = () => readFileSync("/proc/self/mountinfo", "utf8");

describe("a booted container", () => {
  let container: SystemdContainer;

  beforeAll(async () => {
    container = await bootSystemd({ name: "harness-test", remove: ["/usr/bin/node"] });
  });
  afterAll(async () => {
    await container?.stop();
  });

  it("runs systemd as PID 1 with its own hostname, and reaches a running state", async () => {
    expect(await container.run(["cat", "/proc/1/comm"])).toBe("systemd\n");
    expect(await container.run(["hostname"])).toBe("harness-test\n");
    const state = await container.systemctl("is-system-running");
    expect(state.stdout.trim()).toBe("running");
    const boot = await container.run(["journalctl", "-b", "_PID=1", "-o", "cat", "--no-pager"]);
    expect(boot).toMatch(/Reached target multi-user\.target/);
  });

  it("mounts nothing in the host's namespace", () => {
    expect(hostMounts()).not.toContain(container.workDir);
  });

  it("removes the paths it was asked to from the overlay only", async () => {
    const lookup = await container.exec(["sh", "-c", "command -v node"]);
    expect(lookup.code).not.toBe(0);
    expect(existsSync("/usr/bin/node")).toBe(true);
  });

  it("keeps the host's sysctls out of reach and brings loopback up", async () => {
    const write = await container.exec(["sh", "-c", "echo 0 > /proc/sys/fs/protected_regular"]);
    expect(write.code).not.toBe(0);
    expect(write.stderr).toMatch(/read-only/i);
    expect(await container.run(["ip", "-o", "link", "show", "lo"])).toMatch(/[<,]UP[,>]/);
  });

  it("writes files inside, reads them from outside, and they never reach the host", async () => {
    await container.writeFile("/etc/spoor-harness-probe", "one\n", { mode: "0600" });
    await container.writeFile("/etc/spoor-harness-probe", "two\n", { append: true });
    expect(await container.readFile("/etc/spoor-harness-probe")).toBe("one\ntwo\n");
    expect(await container.run(["stat", "-c", "%a", "/etc/spoor-harness-probe"])).toBe("600\n");
    expect(existsSync("/etc/spoor-harness-probe")).toBe(false);
  });

  it("starts transient units and reads their journal and properties", async () => {
    await container
      .run([
        "systemd-run",
        "--unit=harness-echo",
        "--wait",
        "sh",
        "-c",
        "echo from-the-unit; exit 3",
      ])
      .catch(() => {});
    const journal = await container.journal("harness-echo.service");
    expect(journal).toContain("from-the-unit");
    const properties = await container.show("harness-echo.service", ["Result", "ExecMainStatus"]);
    expect(properties).toEqual({ Result: "exit-code", ExecMainStatus: "3" });
  });
});

describe("stop", () => {
  it("powers off, then removes the cgroup and the work directory; twice is fine", async () => {
    const container = await bootSystemd({ name: "harness-stop" });
    const { pid, cgroup, workDir } = container;
    expect(existsSync(cgroup)).toBe(true);
    await container.stop();
    await container.stop();
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(existsSync(cgroup)).toBe(false);
    expect(existsSync(workDir)).toBe(false);
  });
});

describe("a boot that fails", () => {
  it("says so with the console output and leaves nothing behind", async () => {
    const before = spoorCgroups();
    const boot = bootSystemd({ name: "harness-broken", remove: ["/lib/systemd/systemd"] });
    await expect(boot).rejects.toMatchObject({ name: "SystemdBootError" });
    const error = await boot.catch((caught: Error) => caught);
    expect(String(error)).toMatch(/the container exited/);
    expect(String(error)).toMatch(/--- console ---\n.*systemd.*No such file/s);
    expect(spoorCgroups()).toEqual(before);
  });

  it("refuses a path that could leave the overlay before creating anything", async () => {
    await expect(bootSystemd({ remove: ["/usr/../etc"] })).rejects.toThrow(TypeError);
    await expect(bootSystemd({ remove: ["relative"] })).rejects.toThrow(/absolute, normalised/);
    await expect(bootSystemd({ mask: ["../x.service"] })).rejects.toThrow(/not a unit name/);
  });
});

describe("a killed test process", () => {
  it("takes its container with it (pdeathsig)", async () => {
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { bootSystemd } = await import(${JSON.stringify(distEntry())});
         const c = await bootSystemd({ name: "harness-orphan" });
         console.log(JSON.stringify({ pid: c.pid, cgroup: c.cgroup, workDir: c.workDir }));
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const line = await new Promise<string>((resolve) =>
      child.stdout.once("data", (data) => resolve(String(data))),
    );
    const { pid, cgroup, workDir } = JSON.parse(line) as {
      pid: number;
      cgroup: string;
      workDir: string;
    };
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    child.kill("SIGKILL");
    await waitUntil(
      "the orphaned systemd to die",
      () => (existsSync(`/proc/${pid}`) ? undefined : true),
      {
        timeoutMs: 20_000,
      },
    );
    await removeCgroup(cgroup);
    rmSync(workDir, { recursive: true, force: true });
    expect(existsSync(cgroup)).toBe(false);
  });
});

function spoorCgroups(): string[] {
  const parent = existsSync("/sys/fs/cgroup/unified/cgroup.procs")
    ? "/sys/fs/cgroup/unified"
    : "/sys/fs/cgroup";
  return readdirSync(parent).filter((name) => name.startsWith("spoor-systemd-"));
}

function distEntry(): string {
  return new URL("../dist/index.js", import.meta.url).pathname;
}
