import { readFile, stat, writeFile } from "node:fs/promises";
import { createApiClient } from "@spoor/api-client";
import { createCheckpointStore } from "@spoor/follower";
import { waitFor } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { AGENT_VERSION } from "../src/agent-version.js";
import { createClientFromConfig, createSpoolFromConfig } from "../src/create-services.js";
import { runAgent } from "../src/run-agent.js";
import { startHeartbeat } from "../src/start-heartbeat.js";
import { runTransmitter } from "../src/transmitter.js";
import { captureLogger } from "./helpers/capture-logger.js";
import { loginEntry } from "./helpers/entries.js";
import { type ScriptedServer, startScriptedServer } from "./helpers/scripted-server.js";
import { makeTempRoot } from "./helpers/temp-root.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<ScriptedServer> {
  const started = await startScriptedServer();
  cleanups.push(() => started.close());
  return started;
}

const beats = (api: ScriptedServer) => api.requests.filter((r) => r.url === "/api/heartbeats");

describe("heartbeats from the transmitter", () => {
  it("POSTs host, version, queue depth and each follower's lag, at once and then every interval", async () => {
    const api = await server();
    api.script((request) =>
      request.url === "/api/heartbeats" ? { status: 202 } : { status: 503, body: "down" },
    );
    const env = await makeTempRoot({
      host: api.url,
      followers: ["login", "access"],
      transmission: { heartbeat: true },
    });
    cleanups.push(env.cleanup);
    await writeFile(env.logPath("login"), "x".repeat(1000));
    const { dev, ino } = await stat(env.logPath("login"));
    await createCheckpointStore(env.config.application.state_path).save("login", {
      path: env.logPath("login"),
      dev,
      ino,
      offset: 600,
      updatedAt: new Date().toISOString(),
    });
    const spool = createSpoolFromConfig(env.config);
    await spool.write([loginEntry(1), loginEntry(2)]);
    const client = createClientFromConfig(env.config);
    cleanups.push(async () => client.close());
    const captured = captureLogger("debug");
    const controller = new AbortController();
    const done = runTransmitter({
      config: env.config,
      spool,
      client,
      logger: captured.logger,
      signal: controller.signal,
      reporter: "test-host",
      backoff: { baseMs: 5_000, capMs: 5_000 },
      heartbeatIntervalMs: 30,
    });
    await waitFor("three heartbeats", () => beats(api).length >= 3);
    controller.abort();
    await done;
    const [first] = beats(api);
    expect({
      method: first!.method,
      type: first!.headers["content-type"],
      auth: first!.headers.authorization,
      body: JSON.parse(first!.body),
    }).toEqual({
      method: "POST",
      type: "application/json",
      auth: `Basic ${Buffer.from("ID:SECRET").toString("base64")}`,
      body: {
        host: "test-host",
        agent_version: AGENT_VERSION,
        queue_depth: 2,
        followers: { login: { lag_bytes: 400 }, access: { lag_bytes: 0 } },
      },
    });
    const packageJson = JSON.parse(
      await readFile(new URL("../package.json", import.meta.url), "utf8"),
    );
    expect(AGENT_VERSION).toBe(packageJson.version);
    const gaps = beats(api)
      .slice(1)
      .map((beat, index) => beat.at - beats(api)[index]!.at);
    expect(gaps.every((gap) => gap >= 25)).toBe(true);
    expect(captured.messages().filter((m) => m.startsWith("heartbeat"))).toEqual([
      "heartbeat delivered",
    ]);
  });

  it("sends none with transmission.heartbeat off (the default) or with once", async () => {
    for (const [heartbeat, once] of [
      [false, false],
      [true, true],
    ] as const) {
      const api = await server();
      const env = await makeTempRoot({ host: api.url, followers: [], transmission: { heartbeat } });
      cleanups.push(env.cleanup);
      const spool = createSpoolFromConfig(env.config);
      await spool.write([loginEntry(3)]);
      const client = createClientFromConfig(env.config);
      cleanups.push(async () => client.close());
      const controller = new AbortController();
      const done = runTransmitter({
        config: env.config,
        spool,
        client,
        logger: captureLogger().logger,
        signal: controller.signal,
        reporter: "test-host",
        once,
        heartbeatIntervalMs: 10,
      });
      await waitFor(
        "the report to be moved",
        async () => (await spool.listTransmitted()).length === 1,
      );
      controller.abort();
      await done;
      expect(api.requests.map((r) => r.url)).toEqual(["/api/reports"]);
    }
  });
});

describe("startHeartbeat", () => {
  it("logs a failure once per state change, never stops, and logs the recovery", async () => {
    const api = await server();
    const answers = [404, 404, 404, 202, 202, 500, 500, 500];
    api.script((_r, index) =>
      index < answers.length ? { status: answers[index]! } : { status: 202 },
    );
    const client = createApiClient({
      host: api.url,
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
    });
    cleanups.push(async () => client.close());
    const captured = captureLogger("debug");
    const running = startHeartbeat({
      client,
      logger: captured.logger,
      intervalMs: 5,
      collect: async () => ({ host: "h", agent_version: "1", queue_depth: 0, followers: {} }),
    });
    await waitFor(
      "the recovery after the 500s",
      () => captured.lines().filter((l) => l.msg === "heartbeat delivered again").length === 2,
    );
    await running.stop();
    const lines = captured
      .lines()
      .filter((l) => String(l.msg).startsWith("heartbeat"))
      .map((l) => [l.level, l.msg, l.status]);
    expect(lines).toEqual([
      ["warn", "heartbeat not delivered; retrying every interval", 404],
      ["info", "heartbeat delivered again", undefined],
      ["warn", "heartbeat not delivered; retrying every interval", 500],
      ["info", "heartbeat delivered again", undefined],
    ]);
    expect(captured.raw()).not.toContain("SECRET");
  });

  it("survives a failing collect (logged once) and stops promptly while a beat hangs", async () => {
    const api = await server();
    api.script(() => "hang");
    const client = createApiClient({
      host: api.url,
      credentials: { api_identifier: "ID", api_secret: "SECRET" },
    });
    cleanups.push(async () => client.close());
    const captured = captureLogger("debug");
    let calls = 0;
    const running = startHeartbeat({
      client,
      logger: captured.logger,
      intervalMs: 5,
      collect: async () => {
        calls += 1;
        if (calls <= 3) throw new Error("EIO reading the spool");
        return { host: "h", agent_version: "1", queue_depth: 0, followers: {} };
      },
    });
    await waitFor("the hanging beat", () => api.requests.length === 1);
    const started = Date.now();
    await running.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(
      captured
        .lines()
        .filter((l) => l.level === "warn")
        .map((l) => l.error),
    ).toEqual([{ name: "Error", message: "EIO reading the spool" }]);
  });
});

describe("heartbeats from the one-process agent", () => {
  it("sends the first heartbeat as the agent starts", async () => {
    const api = await server();
    const env = await makeTempRoot({
      host: api.url,
      followers: ["login"],
      transmission: { heartbeat: true },
    });
    cleanups.push(env.cleanup);
    await writeFile(env.logPath("login"), "");
    const controller = new AbortController();
    const done = runAgent({
      config: env.config,
      logger: captureLogger().logger,
      signal: controller.signal,
    });
    await waitFor("a heartbeat", () => beats(api).length === 1);
    controller.abort();
    await done;
    expect(JSON.parse(beats(api)[0]!.body)).toEqual({
      host: "test-host",
      agent_version: AGENT_VERSION,
      queue_depth: 0,
      followers: { login: { lag_bytes: 0 } },
    });
  });
});
