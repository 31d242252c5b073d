import { lstat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { resolveDefaults } from "@spoor/config";
import { createFileSpool, type SpoolEntry, type SpoolStore } from "@spoor/spool";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const LOGIN: SpoolEntry = {
  id: "0123456789abcdef0123456789abcdef",
  type: "login",
  event: "login",
  log_time: 1537372956,
  ip: "10.10.10.10",
  credential: "rorymckinley@blah.capefox.co",
  status: "success",
  scope: "webmaild",
  possessor: "blahuser",
  context: "mailbox",
};
const FORWARD: SpoolEntry = {
  id: "fedcba9876543210fedcba9876543210",
  type: "access",
  event: "forward_removed",
  log_time: 1551782317,
  ip: "10.10.10.10",
  credential: "rorymckinley@blah.capefox.co",
  context: "mailbox",
  status: "success",
  forward_recipient: "rorymckinley+cpanel@gmail.com",
};

let root: TempRoot;
let spool: SpoolStore;
let loginName: string;
let forwardName: string;

beforeAll(async () => {
  root = await makeTempRoot();
  const paths = resolveDefaults(root.root).application;
  spool = createFileSpool({
    paths: {
      parsed: paths.parsed_entries_path,
      transmitted: paths.transmitted_entries_path,
      failed: paths.transmission_failed_entries_path,
      quarantine: paths.quarantine_path,
    },
  });
  const [login, forward] = await spool.write([LOGIN, FORWARD]);
  loginName = login!.name;
  forwardName = forward!.name;
  await spool.markFailed(forward!, "HTTP 422: the API rejected the request as invalid");
});

afterAll(async () => {
  await root?.remove();
});

const spoor = (...args: string[]) => runCli([...args, "--root", root.root]);

describe("spoor spool … (the @spoor/plugin-spool plugin through the CLI)", () => {
  it("is reachable through the CLI's help", async () => {
    const result = await runCli(["spool", "list", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("$ spoor spool list [--config <value>] [--root <value>]");
    const plugins = await runCli(["plugins", "--core"]);
    expect(plugins.stdout).toMatch(/@spoor\/plugin-spool 0\.1\.0 \(core\)/);
  });

  it("lists the queue as a table and as JSON, with each queued file's size", async () => {
    const size = (await lstat(join(root.parsedPath, loginName))).size;
    expect(await spoor("spool", "list")).toEqual({
      code: 0,
      stderr: "",
      stdout: `NAME${" ".repeat(loginName.length - 2)}TYPE   TIME                       SIZE\n${loginName}  login  2018-09-19 16:02:36 +0000  ${size}\n`,
    });
    const json = await spoor("spool", "list", "--output", "json");
    expect(JSON.parse(json.stdout)).toEqual([
      { name: loginName, type: "login", unixSeconds: 1537372956, size },
    ]);
    expect(size).toBeGreaterThan(100);
  });

  it("lists failed entries with their reason", async () => {
    const json = await spoor("spool", "list", "--queue", "failed", "--output", "json");
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: forwardName,
        type: "access",
        unixSeconds: 1551782317,
        size: expect.any(Number),
        reason: "HTTP 422: the API rejected the request as invalid",
      },
    ]);
  });

  it("shows an entry and the exact request it is sent as, secret masked", async () => {
    const result = await spoor("spool", "show", loginName);
    expect(result.code).toBe(0);
    const host = hostname();
    expect(result.stdout).toBe(
      [
        `file: ${join(root.parsedPath, loginName)}`,
        "queue: parsed",
        "",
        "entry:",
        JSON.stringify(LOGIN, null, 2),
        "",
        "request (is sent as; secret masked):",
        "POST http://127.0.0.1:9/api/reports",
        "Content-Type: application/json",
        "Accept: application/json",
        "Authorization: Basic ****",
        `Idempotency-Key: ${LOGIN.id}`,
        "User-Agent: spoor",
        "",
        JSON.stringify({
          report: {
            entries: [
              {
                type: "login",
                time: 1537372956,
                ip: "10.10.10.10",
                mailbox_address: "rorymckinley@blah.capefox.co",
                context: "mailbox",
                host,
              },
            ],
            metadata: { reporter: host },
          },
        }),
        "",
      ].join("\n"),
    );
    expect(result.stdout).not.toContain("test-secret");
  });

  it("shows a failed entry with its reason as JSON", async () => {
    const result = await spoor("spool", "show", forwardName, "--output", "json");
    const shown = JSON.parse(result.stdout);
    expect(shown).toMatchObject({
      queue: "failed",
      reason: "HTTP 422: the API rejected the request as invalid",
      entry: FORWARD,
    });
    expect(JSON.parse(shown.request.body).report.entries[0]).toEqual({
      type: "forward_removed",
      time: 1551782317,
      ip: "10.10.10.10",
      mailbox_address: "rorymckinley@blah.capefox.co",
      forward_recipient: "rorymckinley+cpanel@gmail.com",
      context: "mailbox",
      host: hostname(),
    });
  });

  it("says so for an unknown name (exit 1, with a fix)", async () => {
    const result = await spoor("spool", "show", "login.1.1234567.json");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Error: No spool file named login\.1\.1234567\.json in .*\nFix: spoor spool list --queue parsed\|transmitted\|failed\|quarantine lists the names\n$/,
    );
  });

  it("requeues a failed entry, then purges only with --yes", async () => {
    expect(await spoor("spool", "retry", forwardName)).toEqual({
      code: 0,
      stderr: "",
      stdout: `requeued ${forwardName}\n1 entry requeued\n`,
    });
    expect((await spool.list()).map((file) => file.name).sort()).toEqual(
      [forwardName, loginName].sort(),
    );
    expect(await spool.listFailed()).toEqual([]);

    await spool.markTransmitted((await spool.list()).find((file) => file.name === loginName)!);
    const refused = await spoor("spool", "purge", "--queue", "transmitted");
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "Error: Purging deletes every file in the transmitted directory for good.\nFix: spoor spool purge --queue transmitted --yes\n",
    });
    expect(await spool.listTransmitted()).toHaveLength(1);
    expect(await spoor("spool", "purge", "--queue", "transmitted", "--yes")).toEqual({
      code: 0,
      stderr: "",
      stdout: "purged 1 entry from transmitted\n",
    });
    expect(await spool.listTransmitted()).toEqual([]);
  });

  it("retries every failed entry with --all, and lists the quarantine with reasons", async () => {
    const [file] = await spool.list();
    await spool.markFailed(file!, "HTTP 400");
    expect((await spoor("spool", "retry", "--all")).stdout).toBe(
      `requeued ${file!.name}\n1 entry requeued\n`,
    );

    const odd = join(root.parsedPath, "not-an-entry.txt");
    await writeFile(odd, "junk", { mode: 0o600 });
    await spool.quarantine({ name: "not-an-entry.txt" }, "bad-name");
    const listed = await spoor("spool", "list", "--queue", "quarantine", "--output", "json");
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: "not-an-entry.txt", size: 4, reason: "bad-name" },
    ]);
    expect(await spoor("spool", "purge", "--queue", "quarantine", "--yes")).toMatchObject({
      code: 0,
      stdout: "purged 1 entry from quarantine\n",
    });
  });
});
