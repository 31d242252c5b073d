import { createHmac } from "node:crypto";
import { once } from "node:events";
import { chmod, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { tempDirEach, waitFor } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ServerProcess, spawnServer } from "./helpers/server-process.js";

const running: ServerProcess[] = [];
const sinks: Server[] = [];
const temp = tempDirEach("spoor-server-daemon-", { beforeEach, afterEach });
beforeEach(async () => {
  await writeFile(join(temp.path, "empty.yml"), "{}\n", { mode: 0o600 });
});
afterEach(async () => {
  for (const server of running.splice(0))
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  for (const sink of sinks.splice(0)) sink.close();
});

/** Starts the bin; without a --config of the test's own it gets an empty one (never /etc/spoor). */
function start(args: string[]): ServerProcess {
  const own = args.includes("--config") ? [] : ["--config", join(temp.path, "empty.yml")];
  const server = spawnServer([...own, ...args]);
  running.push(server);
  return server;
}

const AUTH = `Basic ${Buffer.from("demo:demo-secret").toString("base64")}`;
const T = 1_764_000_000;
const takeover = [
  ...Array.from({ length: 10 }, (_, day) => ({
    type: "login",
    time: T + day * 86_400,
    host: "web1",
    mailbox_address: "alice@example.com",
    ip: "198.51.100.20",
  })),
  {
    type: "login",
    time: T + 864_000,
    host: "web1",
    mailbox_address: "alice@example.com",
    ip: "203.0.113.77",
  },
  {
    type: "forward_added",
    time: T + 864_040,
    host: "web1",
    mailbox_address: "alice@example.com",
    ip: "203.0.113.77",
    forward_recipient: "attacker@evil.example",
  },
];

async function post(url: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("spoor-server (child process)", () => {
  it("prints its URL first, serves, logs JSON lines and exits 0 on SIGTERM", async () => {
    const server = start([
      "--db",
      `sqlite:${join(temp.path, "s.sqlite")}`,
      "--listen",
      "127.0.0.1:0",
      "--credentials",
      "demo:demo-secret",
    ]);
    const url = await server.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      await post(url, "/api/reports", {
        report: { entries: [takeover[0]], metadata: { reporter: "web1" } },
      }),
    ).toBe(202);
    expect(await post(url, "/api/heartbeats", { host: "web1", queue_depth: 0 })).toBe(202);
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
    expect(server.stdout()).toBe(`${url}\n`);
    const lines = server
      .stderr()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["listening", "request", "stopping", "stopped"]),
    );
    expect(lines.find((line) => line.level === "warn")?.msg).toMatch(/demos and tests only/);
    expect(server.stderr()).not.toContain("demo-secret");
  });

  it("exits 0 on SIGINT, 64 for a bad flag, 78 for a bad config, 1 for a taken port", async () => {
    const first = start(["--db", ":memory:", "--listen", "127.0.0.1:0"]);
    const url = await first.url();
    first.child.kill("SIGINT");
    expect(await first.exit).toBe(0);

    const usage = start(["--bogus"]);
    expect(await usage.exit).toBe(64);

    const config = join(temp.path, "server.yml");
    await writeFile(config, "listne: 127.0.0.1:0\n", { mode: 0o600 });
    const misconfigured = start(["--config", config, "--db", ":memory:"]);
    expect(await misconfigured.exit).toBe(78);
    expect(misconfigured.stderr()).toContain("listne");

    const occupant = start(["--db", ":memory:", "--listen", "127.0.0.1:0"]);
    const port = new URL(await occupant.url()).port;
    const taken = start(["--db", ":memory:", "--listen", `127.0.0.1:${port}`]);
    expect(await taken.exit).toBe(1);
    expect(taken.stderr()).toContain("EADDRINUSE");
    expect(url).not.toBe("");
  });
});

describe("the outbox across a kill -9", () => {
  it("delivers the takeover alert after a restart although the webhook was down when it opened", async () => {
    // A port that nothing listens on yet: the webhook is down.
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    await once(probe, "close");
    const secret = "0123456789abcdef-webhook";
    const config = join(temp.path, "server.yml");
    await writeFile(
      config,
      `notify:\n  - {type: webhook, url: "http://127.0.0.1:${port}/hook", secret: "${secret}", min_severity: high}\n`,
      { mode: 0o600 },
    );
    await chmod(config, 0o600);
    const database = `sqlite:${join(temp.path, "state", "spoor.sqlite")}`;
    const args = [
      "--config",
      config,
      "--db",
      database,
      "--listen",
      "127.0.0.1:0",
      "--credentials",
      "demo:demo-secret",
    ];
    const first = start(args);
    const url = await first.url();
    expect(
      await post(url, "/api/reports", {
        report: { entries: takeover, metadata: { reporter: "web1" } },
      }),
    ).toBe(202);
    await waitFor("a failed delivery attempt in the log", () =>
      first.stderr().includes("notification not delivered; retrying"),
    );
    first.child.kill("SIGKILL");
    await first.exit;

    const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
    const sink = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(204).end();
      });
    });
    sinks.push(sink);
    sink.listen(port, "127.0.0.1");
    await once(sink, "listening");

    const second = start(args);
    await second.url();
    const delivery = await waitFor("the webhook delivery", () => received[0], {
      timeoutMs: 60_000,
    });
    const expected = `sha256=${createHmac("sha256", secret).update(delivery.body).digest("hex")}`;
    expect(delivery.headers["x-spoor-signature"]).toBe(expected);
    expect(delivery.headers["x-spoor-delivery"]).toBeTruthy();
    const alert = JSON.parse(delivery.body) as Record<string, unknown>;
    expect(alert).toMatchObject({
      rule: "takeover-sequence",
      severity: "high",
      mailbox_addresses: ["alice@example.com"],
    });
    expect(typeof alert.text).toBe("string");
    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
  }, 120_000);
});
