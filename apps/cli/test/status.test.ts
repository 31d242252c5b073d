import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { resolveDefaults } from "@spoor/config";
import { waitFor } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { spawnCli } from "./helpers/spawn-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const roots: TempRoot[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await root.remove();
});

describe("spoor status", () => {
  it("shows what the running agent last wrote, and says when none runs (exit 1)", async () => {
    const logOf = (dir: string) => resolveDefaults(dir).logPaths.login;
    const root = await makeTempRoot(undefined, (dir) => ({ login: { name: logOf(dir) } }));
    roots.push(root);
    await mkdir(dirname(logOf(root.root)), { recursive: true });
    await writeFile(logOf(root.root), "");

    const none = await runCli(["status", "--root", root.root]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^agent {7}not running: no status in .*status\.json/);

    const agent = spawnCli(["agent", "--root", root.root]);
    try {
      await agent.waitForLog((line) => line.msg === "log started");
      await appendFile(logOf(root.root), "a line that is not a login\n");
      const json = await waitFor("the status of the running agent", async () => {
        const result = await runCli(["status", "--root", root.root, "--json"]);
        const report = JSON.parse(result.stdout) as {
          alive: boolean;
          status?: { followers: Array<{ position: number }> };
        };
        return report.alive && report.status?.followers[0]?.position === 27
          ? { result, report }
          : undefined;
      });
      expect(json.result.code).toBe(0);
      expect(json.report).toMatchObject({
        alive: true,
        fresh: true,
        status: {
          followers: [
            { type: "login", path: logOf(root.root), position: 27, size: 27, lag_bytes: 0 },
          ],
          queue: { depth: 0 },
        },
      });
      const text = await runCli(["status", "--root", root.root]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^agent {7}running \(pid \d+, started /);
      expect(text.stdout).toContain(
        `follower    login    ${logOf(root.root)}: position 27 of 27 bytes (lag 0)\nqueue       0 queued\n`,
      );
      const alias = await runCli(["status", "--root", root.root, "--output", "json"]);
      expect(JSON.parse(alias.stdout)).toMatchObject({ alive: true });
    } finally {
      await agent.stop();
    }
    const after = await runCli(["status", "--root", root.root, "--json"]);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout)).toMatchObject({ alive: false });
  });
});
