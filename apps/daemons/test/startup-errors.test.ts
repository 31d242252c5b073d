import { chmod, readFile, writeFile } from "node:fs/promises";
import { waitFor } from "@spoor/test-support";
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

/** `bin` run with `args` exits 78 after one error line: `msg`, naming itself and the `error`. */
async function expectRefusedStart(bin: string, args: string[], error: string, msg: string) {
  const daemon = startDaemon(bin, args);
  expect(await daemon.exited).toEqual({ code: 78, signal: null });
  expect(withoutTime(daemon.logLines())).toEqual([
    { level: "error", msg, daemon: bin, error, exitCode: 78 },
  ]);
}

describe("daemon start-up errors", () => {
  it("exits 78 with one clear line when the config file is readable by others", async () => {
    const env = await root();
    await chmod(env.configPath, 0o644);
    await expectRefusedStart(
      "spoor-access-follower",
      ["--root", env.root],
      "PermissionError",
      `${env.configPath} has mode 0644; expected 0600. Fix: chmod 0600 ${env.configPath}`,
    );
  });

  it("exits 78 for a config that is not valid YAML, naming the file", async () => {
    const env = await root();
    await writeFile(env.configPath, "followers: [unclosed\n", { mode: 0o600 });
    await expectRefusedStart(
      "spoor-transmitter",
      ["--config", env.configPath, "--root", env.root],
      "ConfigError",
      expect.stringContaining(env.configPath),
    );
  });

  it("exits 78 when the follower's log type is not configured", async () => {
    const env = await root();
    await expectRefusedStart(
      "spoor-login-follower",
      ["--root", env.root],
      "FollowerNotConfiguredError",
      `No follower is configured for the login log in ${env.configPath}. Fix: add "followers: { login: { name: /usr/local/cpanel/logs/login_log } }" to ${env.configPath}`,
    );
  });

  it("exits 78 for a misspelt key, naming it and the key that was meant", async () => {
    const env = await root();
    const text = await readFile(env.configPath, "utf8");
    await writeFile(env.configPath, text.replace("followers:", "folowers:"), { mode: 0o600 });
    await expectRefusedStart(
      "spoor-agent",
      ["--root", env.root],
      "ConfigError",
      `folowers: unknown key in ${env.configPath}; did you mean followers? (known keys at the top level: followers, transmission, application) Fix: rename "folowers" to "followers" in ${env.configPath}`,
    );
  });

  it("accepts the original's maxinterval, debug and transformer with one info line", async () => {
    const env = await root();
    const text = await readFile(env.configPath, "utf8");
    const original = text.replace(
      /^( {4})name: (.*)$/m,
      "$1debug: 1\n$1maxinterval: 10\n$1name: $2\n$1transformer: bin/login_log_transformer.pl",
    );
    expect(original).toContain("maxinterval: 10");
    await writeFile(env.configPath, original, { mode: 0o600 });
    const daemon = startDaemon("spoor-access-follower", ["--root", env.root]);
    cleanups.push(async () => {
      if (daemon.child.exitCode === null) daemon.child.kill("SIGKILL");
    });
    await waitFor("the follower started", () =>
      daemon.logLines().some((line) => line.msg === "log started"),
    );
    daemon.child.kill("SIGTERM");
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    const notes = daemon.logLines().filter((line) => String(line.msg).startsWith("ignoring"));
    expect(withoutTime(notes)).toEqual([
      {
        level: "info",
        msg: "ignoring keys of the original spoor that have no effect here",
        daemon: "spoor-access-follower",
        path: env.configPath,
        keys: [
          "followers.access.debug",
          "followers.access.maxinterval",
          "followers.access.transformer",
        ],
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
