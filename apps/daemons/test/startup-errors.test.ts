import { chmod, writeFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startDaemon } from "./helpers/daemon-process.js";
import { makeSpoorRoot, type SpoorRoot } from "./helpers/spoor-root.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function root(): Promise<SpoorRoot> {
  const made = await makeSpoorRoot({ followers: ["access"] });
  cleanups.push(made.cleanup);
  return made;
}

const withoutTime = (lines: Array<Record<string, unknown>>) =>
  lines.map(({ time, ...rest }) => rest);

describe("daemon start-up errors", () => {
  it("exits 78 with one clear line when the config file is readable by others", async () => {
    const env = await root();
    await chmod(env.configPath, 0o644);
    const daemon = startDaemon("spoor-access-follower", ["--root", env.root]);
    expect(await daemon.exited).toEqual({ code: 78, signal: null });
    expect(withoutTime(daemon.logLines())).toEqual([
      {
        level: "error",
        msg: `${env.configPath} has mode 0644; expected 0600. Fix: chmod 0600 ${env.configPath}`,
        daemon: "spoor-access-follower",
        error: "PermissionError",
        exitCode: 78,
      },
    ]);
  });

  it("exits 78 for a config that is not valid YAML, naming the file", async () => {
    const env = await root();
    await writeFile(env.configPath, "followers: [unclosed\n", { mode: 0o600 });
    const daemon = startDaemon("spoor-transmitter", [
      "--config",
      env.configPath,
      "--root",
      env.root,
    ]);
    expect(await daemon.exited).toEqual({ code: 78, signal: null });
    expect(withoutTime(daemon.logLines())).toEqual([
      {
        level: "error",
        msg: expect.stringContaining(env.configPath),
        daemon: "spoor-transmitter",
        error: "ConfigError",
        exitCode: 78,
      },
    ]);
  });

  it("exits 78 when the follower's log type is not configured", async () => {
    const env = await root();
    const daemon = startDaemon("spoor-login-follower", ["--root", env.root]);
    expect(await daemon.exited).toEqual({ code: 78, signal: null });
    expect(withoutTime(daemon.logLines())).toEqual([
      {
        level: "error",
        msg: `No follower is configured for the login log in ${env.configPath}. Fix: add "followers: { login: { name: /usr/local/cpanel/logs/login_log } }" to ${env.configPath}`,
        daemon: "spoor-login-follower",
        error: "FollowerNotConfiguredError",
        exitCode: 78,
      },
    ]);
  });

  it("exits 64 with the usage for an unknown argument", async () => {
    const daemon = startDaemon("spoor-agent", ["--bogus"]);
    expect(await daemon.exited).toEqual({ code: 64, signal: null });
    expect(withoutTime(daemon.logLines())).toEqual([
      {
        level: "error",
        msg: expect.stringMatching(/--bogus.*Usage: spoor-agent \[--config PATH\] \[--root DIR\]$/),
        daemon: "spoor-agent",
        exitCode: 64,
      },
    ]);
  });
});
