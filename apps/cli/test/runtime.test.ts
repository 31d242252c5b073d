import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { createApiClient } from "@spoor/api-client";
import { resolveDefaults } from "@spoor/config";
import { createFileSpool, type SpoolStore } from "@spoor/spool";
import { type ReceiverProcess, startReceiver, waitFor } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { spawnCli } from "./helpers/spawn-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const ID = "runtime-id";
const SECRET = "runtime-Secret-42";
const credentials = { api_identifier: ID, api_secret: SECRET };

/** A successful webmail login line; `second` makes each line (and so each entry) distinct. */
const loginLine = (second: number) =>
  `[2018-09-19 16:02:${String(second % 60).padStart(2, "0")} +0000] info [webmaild] 10.10.10.10 - rorymckinley@blah.capefox.co (possessor: blahuser) - SUCCESS LOGIN webmaild\n`;

let receiver: ReceiverProcess;
beforeAll(async () => {
  receiver = await startReceiver({ credentials: `${ID}:${SECRET}` });
});
afterAll(async () => {
  await receiver?.stop();
});

function spoolOf(root: string): SpoolStore {
  const app = resolveDefaults(root).application;
  return createFileSpool({
    paths: {
      parsed: app.parsed_entries_path,
      transmitted: app.transmitted_entries_path,
      failed: app.transmission_failed_entries_path,
      quarantine: app.quarantine_path,
    },
  });
}

async function rootWithLoginLog(): Promise<{ root: TempRoot; log: string }> {
  const logOf = (root: string) => resolveDefaults(root).logPaths.login;
  const root = await makeTempRoot({ host: receiver.url, credentials }, (dir) => ({
    login: { name: logOf(dir) },
  }));
  const log = logOf(root.root);
  await mkdir(dirname(log), { recursive: true });
  await writeFile(log, "");
  return { root, log };
}

describe("spoor follow / transmit / agent", () => {
  it("follow spools what is appended to the log, logs JSON lines, and exits 0 on SIGTERM", async () => {
    const { root, log } = await rootWithLoginLog();
    const follower = spawnCli(["follow", "login", "--root", root.root]);
    try {
      await follower.waitForLog((line) => line.msg === "following");
      let second = 0;
      const spool = spoolOf(root.root);
      const files = await waitFor(
        "a login spooled",
        async () => {
          await appendFile(log, loginLine(second++));
          const names = (await spool.list()).map((file) => file.name);
          return names.length > 0 ? names : undefined;
        },
        { intervalMs: 50 },
      ); // each look appends one more line
      expect(files[0]).toMatch(/^login\.15373729\d\d\.\d{7}\.json$/);
      expect(await follower.stop()).toBe(0);
      expect(
        follower.logs.every(
          (line) => typeof line.time === "string" && typeof line.level === "string",
        ),
      ).toBe(true);
      expect(JSON.stringify(follower.logs)).not.toContain("rorymckinley");
    } finally {
      await follower.stop();
      await root.remove();
    }
  });

  it("transmit --dry-run prints the request and moves nothing; --once sends and exits 0", async () => {
    const root = await makeTempRoot({ host: receiver.url, credentials });
    try {
      const spool = spoolOf(root.root);
      const entry = {
        id: "aaaabbbbccccddddeeeeffff00001111",
        type: "login",
        event: "login",
        log_time: 1537372956,
        ip: "10.10.10.10",
        credential: "dry@run.test",
        status: "success",
        scope: "webmaild",
        context: "mailbox",
      };
      const [file] = await spool.write([entry]);
      const dry = await runCli(["transmit", "--dry-run", "--root", root.root]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`# ${file!.name}\nPOST ${receiver.url}/api/reports\n`);
      expect(dry.stdout).toContain("Basic ****");
      expect(dry.stdout).not.toContain(SECRET);
      expect((await spool.list()).map((f) => f.name)).toEqual([file!.name]);

      const once = await runCli(["transmit", "--once", "--root", root.root]);
      expect(once.code).toBe(0);
      expect(once.stdout).toBe("");
      expect(once.stderr).not.toContain(SECRET);
      expect(await spool.list()).toEqual([]);
      expect((await spool.listTransmitted()).map((f) => f.name)).toEqual([file!.name]);
    } finally {
      await root.remove();
    }
  });

  it("transmit --once exits non-zero, promptly, when the API is down or refuses the credentials", async () => {
    const entry = (n: number) => ({
      id: `aaaabbbbccccddddeeeeffff0000${String(n).padStart(4, "0")}`,
      type: "login",
      event: "login",
      log_time: 1537372956 + n,
      ip: "10.10.10.10",
      credential: "once@pass.test",
      status: "success",
      scope: "webmaild",
      context: "mailbox",
    });
    // Nothing listens on port 9 of the loopback: connections are refused.
    const down = await makeTempRoot({ host: "http://127.0.0.1:9", credentials });
    const wrong = await makeTempRoot({
      host: receiver.url,
      credentials: { api_identifier: ID, api_secret: "not-the-secret" },
    });
    try {
      await spoolOf(down.root).write([entry(1), entry(2), entry(3)]);
      const started = Date.now();
      const result = await runCli(["transmit", "--once", "--root", down.root]);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.code).toBe(1);
      const logs = result.stderr
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.find((line) => line.level === "error")).toMatchObject({
        msg: "not every queued entry was delivered",
        delivered: 0,
        refused: 0,
        stillQueued: 3,
      });
      expect((await spoolOf(down.root).list()).length).toBe(3);

      await spoolOf(wrong.root).write([entry(4)]);
      const refused = await runCli(["transmit", "--once", "--root", wrong.root]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('"refused":1');
      expect(refused.stderr).not.toContain("not-the-secret");
      expect((await spoolOf(wrong.root).listFailed()).length).toBe(1);
    } finally {
      await down.remove();
      await wrong.remove();
    }
  });

  it("agent follows and transmits in one process until SIGTERM", async () => {
    const { root, log } = await rootWithLoginLog();
    const agent = spawnCli(["agent", "--root", root.root]);
    const client = createApiClient({ host: receiver.url, credentials });
    try {
      await agent.waitForLog((line) => line.msg === "following");
      let second = 30;
      const reports = await waitFor(
        "the login reported",
        async () => {
          await appendFile(log, loginLine(second++));
          const found = (await client.listReports(hostname())).filter(
            (record) => record.mailbox_address === "rorymckinley@blah.capefox.co",
          );
          return found.length > 0 ? found : undefined;
        },
        { intervalMs: 50 },
      ); // each look appends one more line
      expect(reports[0]).toMatchObject({ host: hostname(), type: "login" });
      expect(await agent.stop()).toBe(0);
      expect(agent.logs.some((line) => line.msg === "agent stopped")).toBe(true);
    } finally {
      client.close();
      await agent.stop();
      await root.remove();
    }
  });

  it("refuses an unknown TYPE (exit 2) and a follower the config lacks (exit 1, with the fix)", async () => {
    const root = await makeTempRoot();
    try {
      expect(await runCli(["follow", "mail", "--root", root.root])).toEqual({
        code: 2,
        stdout: "",
        stderr: 'Error: unknown log type "mail" (expected one of: access, error, login, session)\n',
      });
      expect(await runCli(["follow", "session", "--root", root.root])).toEqual({
        code: 1,
        stdout: "",
        stderr: `Error: No follower is configured for the session log in ${root.configPath}.\nFix: add "followers: { session: { name: /usr/local/cpanel/logs/session_log } }" to ${root.configPath}\n`,
      });
    } finally {
      await root.remove();
    }
  });
});
