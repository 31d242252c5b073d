import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiClient } from "@spoor/api-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CREDENTIALS, receiverWithClient, runCleanups } from "./helpers.js";

const BIN = fileURLToPath(new URL("../bin/spoor-receiver.js", import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exit = once(child, "close").then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function firstLine(output: () => string, deadlineMs = 20_000): Promise<string> {
  const deadline = Date.now() + deadlineMs;
  while (!output().includes("\n")) {
    if (Date.now() > deadline)
      throw new Error(`no line on stdout; got ${JSON.stringify(output())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return output().split("\n")[0]!;
}

let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-receiver-bin-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await runCleanups();
  await rm(dir, { recursive: true, force: true });
});

describe("spoor-receiver (child process)", () => {
  it("prints its URL first, serves POST and GET, logs JSON lines and exits 0 on SIGTERM", async () => {
    const receiver = run([
      "--port",
      "0",
      "--db",
      join(dir, "r.sqlite"),
      "--credentials",
      "user123:s3cr3t-xyz",
    ]);
    children.push(receiver.child);
    const url = await firstLine(receiver.stdout);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createApiClient({
      host: url,
      credentials: { api_identifier: "user123", api_secret: "s3cr3t-xyz" },
    });
    await client.sendReport(
      {
        type: "login",
        time: 1555588110,
        ip: "10.0.0.1",
        mailbox_address: "a@b.c",
        context: "mailbox",
        host: "host1",
      },
      { idempotencyKey: "k1", reporter: "host1" },
    );
    expect(await client.listMailboxEvents("host1")).toStrictEqual([
      {
        id: 1,
        event_time: 1555588110,
        host: "host1",
        type: "login",
        mailbox_address: "a@b.c",
        ip_actor: { ip_address: "10.0.0.1" },
      },
    ]);
    client.close();
    receiver.child.kill("SIGTERM");
    expect(await receiver.exit).toBe(0);
    expect(receiver.stdout()).toBe(`${url}\n`);
    const lines = receiver
      .stderr()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.level, line.msg, line.status ?? null])).toStrictEqual([
      ["info", "listening", null],
      ["info", "request", 202],
      ["info", "request", 200],
      ["info", "stopping", null],
      ["info", "stopped", null],
    ]);
    expect(lines[3]).toMatchObject({
      signal: "SIGTERM",
      reports: 1,
      mailbox_events: 1,
      duplicates_collapsed: 0,
    });
    expect(receiver.stderr()).not.toContain("s3cr3t");
  });

  it("exits 0 on SIGINT too", async () => {
    const receiver = run(["--credentials", "a:b"]);
    children.push(receiver.child);
    await firstLine(receiver.stdout);
    receiver.child.kill("SIGINT");
    expect(await receiver.exit).toBe(0);
  });

  it.each([
    [[], "--credentials ID:SECRET is required"],
    [
      ["--credentials", "nocolon"],
      "--credentials must look like ID:SECRET (a non-empty ID, then ':')",
    ],
    [
      ["--credentials", "a:b", "--port", "70000"],
      '--port must be a whole number from 0 to 65535, not "70000"',
    ],
    [["--credentials", "a:b", "--port"], "Option '--port <value>' argument missing"],
    [["--credentials", "a:b", "--verbose"], "Unknown option '--verbose'"],
    [["--credentials", "a:b", "extra"], 'unexpected argument "extra"'],
  ])("exits 2 with a usage error for %j", async (args, message) => {
    const receiver = run(args);
    children.push(receiver.child);
    expect(await receiver.exit).toBe(2);
    expect(receiver.stderr().split("\n")[0]).toContain(`spoor-receiver: ${message}`);
    expect(receiver.stderr()).toContain("Usage: spoor-receiver --credentials ID:SECRET");
    expect(receiver.stdout()).toBe("");
  });

  it("prints the usage for --help and exits 0", async () => {
    const receiver = run(["--help"]);
    children.push(receiver.child);
    expect(await receiver.exit).toBe(0);
    expect(receiver.stdout()).toMatch(/^Usage: spoor-receiver --credentials ID:SECRET/);
  });

  it("exits 1 with a JSON error line when it cannot listen", async () => {
    const { receiver: occupant } = await receiverWithClient({ credentials: CREDENTIALS });
    const receiver = run(["--credentials", "a:b", "--port", String(occupant.port)]);
    children.push(receiver.child);
    expect(await receiver.exit).toBe(1);
    const [line] = receiver
      .stderr()
      .trimEnd()
      .split("\n")
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect({ level: line?.level, msg: line?.msg, error: line?.error }).toStrictEqual({
      level: "error",
      msg: "cannot start",
      error: `listen EADDRINUSE: address already in use 127.0.0.1:${occupant.port}`,
    });
    expect(receiver.stdout()).toBe("");
  });
});
