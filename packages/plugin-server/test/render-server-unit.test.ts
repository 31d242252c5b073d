import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasSystemdAnalyze, unitExposure, verifyUnit } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installServer, renderServerUnit } from "../src/index.js";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-server-unit-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function unitWithEntry(): Promise<{ path: string; content: string }> {
  const entry = join(directory, "daemons", "bin", "spoor-server.js");
  await mkdir(join(directory, "daemons", "bin"), { recursive: true });
  await writeFile(entry, "process.exit(0);\n");
  const content = renderServerUnit({
    nodePath: process.execPath,
    nodeFlags: ["--no-sparkplug", "--expose-gc"],
    environment: { MALLOC_ARENA_MAX: "2" },
    entryPath: entry,
    configPath: "/etc/spoor/server.yml",
  });
  const path = join(directory, "spoor-server.service");
  await writeFile(path, content);
  return { path, content };
}

describe("spoor-server.service", () => {
  it("runs the entry as a DynamicUser with its state directory and the config as a credential", async () => {
    const { content } = await unitWithEntry();
    const lines = content.split("\n");
    expect(lines.find((line) => line.startsWith("ExecStart="))).toBe(
      `ExecStart=${process.execPath} --no-sparkplug --expose-gc ${join(directory, "daemons/bin/spoor-server.js")} --config \${CREDENTIALS_DIRECTORY}/server.yml`,
    );
    for (const line of [
      "DynamicUser=yes",
      "StateDirectory=spoor-server",
      "StateDirectoryMode=0700",
      "LoadCredential=server.yml:/etc/spoor/server.yml",
      "CapabilityBoundingSet=",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "SystemCallFilter=@system-service",
      "SystemCallFilter=~@privileged",
      "SystemCallErrorNumber=EPERM",
      "RestartPreventExitStatus=78",
      "Environment=MALLOC_ARENA_MAX=2",
    ]) {
      expect(lines).toContain(line);
    }
  });

  it(
    hasSystemdAnalyze
      ? "passes systemd-analyze verify and scores ≤ 2.5 on security"
      : "is well-formed",
    async () => {
      const { path, content } = await unitWithEntry();
      if (!hasSystemdAnalyze) {
        expect(content).toMatch(/^\[Unit\]$/m);
        return;
      }
      expect(await verifyUnit(path)).toStrictEqual({ stdout: "", stderr: "" });
      expect(await unitExposure(path)).toBeLessThanOrEqual(2.5);
    },
  );

  it("is installed under --root with a 0600 config that a re-install keeps", async () => {
    const root = join(directory, "root");
    const first = await installServer(root);
    expect(first.configCreated).toBe(true);
    expect(((await stat(first.configPath)).mode & 0o777).toString(8)).toBe("600");
    expect(((await stat(first.unitPath)).mode & 0o777).toString(8)).toBe("644");
    expect(await readFile(first.unitPath, "utf8")).toContain("DynamicUser=yes");
    await writeFile(first.configPath, "retention_days: 9\n");
    const second = await installServer(root);
    expect(second.configCreated).toBe(false);
    expect(await readFile(second.configPath, "utf8")).toBe("retention_days: 9\n");
  });

  it("runs against the database the config names: the unit has no --db of its own", async () => {
    const root = join(directory, "root-db");
    const { unitPath } = await installServer(root);
    const execStart = (await readFile(unitPath, "utf8"))
      .split("\n")
      .find((line) => line.startsWith("ExecStart="))!
      .slice("ExecStart=".length);
    // systemd expands ${CREDENTIALS_DIRECTORY}; here it is a temp directory with the config.
    const credentials = join(directory, "credentials");
    const database = join(directory, "state", "chosen.sqlite");
    await mkdir(credentials, { recursive: true, mode: 0o700 });
    await writeFile(
      join(credentials, "server.yml"),
      `listen: 127.0.0.1:0\ndatabase: sqlite:${database}\n`,
      { mode: 0o600 },
    );
    const [command, ...args] = execStart
      .split(" ")
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the unit's literal systemd specifier.
      .map((word) => word.replace("${CREDENTIALS_DIRECTORY}", credentials));
    const child = spawn(command!, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    const listening = new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('"listening"')) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    try {
      await listening;
      expect(stderr).toContain(`"db":"sqlite:${database}"`);
      expect((await stat(database)).isFile()).toBe(true);
    } finally {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  });
});
