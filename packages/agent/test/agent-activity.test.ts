import { appendFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { waitFor, webmailLoginLine } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createSpoolFromConfig } from "../src/create-services.js";
import type { AgentStatus } from "../src/status-file.js";
import { loginEntry } from "./helpers/entries.js";
import { startScriptedServer } from "./helpers/scripted-server.js";
import { startAgent } from "./helpers/start-agent.js";
import { makeTempRoot } from "./helpers/temp-root.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const INTERVALS = { summaryMs: 150, statusMs: 50, missingWarnMs: 300, refusedWarnMs: 400 };

async function readStatus(stateDirectory: string): Promise<AgentStatus | undefined> {
  const text = await readFile(join(stateDirectory, "status.json"), "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as AgentStatus);
}

describe("the agent says how it is", () => {
  it("logs an activity line with counts and writes status.json with positions and deliveries", async () => {
    const api = await startScriptedServer();
    cleanups.push(() => api.close());
    const env = await makeTempRoot({ host: api.url, followers: ["login"] });
    cleanups.push(env.cleanup);
    await writeFile(env.logPath("login"), "");
    const agent = startAgent(env.config, INTERVALS);
    cleanups.push(agent.stop);
    const { captured } = agent;
    await waitFor("the follower", () => captured.messages().includes("log started"));
    await appendFile(env.logPath("login"), `${webmailLoginLine(3)}\nnot a login line\n`);
    // Each line counts one interval: the read and the delivery may fall into different ones.
    const activityLines = () => captured.lines().filter((line) => line.msg === "agent activity");
    const sum = (key: string) =>
      activityLines().reduce((total, line) => total + Number(line[key] ?? 0), 0);
    // The follower's and the transmitter's counts reach the activity lines separately: wait
    // until both have (a count that never arrives fails the wait).
    await waitFor(
      "the read, the spooling and the delivery in activity lines",
      () => sum("delivered") === 1 && sum("linesRead") >= 2 && sum("entriesSpooled") >= 1,
    );
    expect({
      linesRead: sum("linesRead"),
      entriesSpooled: sum("entriesSpooled"),
      failed: sum("failed"),
    }).toEqual({ linesRead: 2, entriesSpooled: 1, failed: 0 });
    expect(activityLines().every((line) => line.level === "info")).toBe(true);
    expect(activityLines().at(-1)?.queueDepth).toBe(0);
    const state = env.config.application.state_path;
    const status = await waitFor("a status with the delivery", async () => {
      const found = await readStatus(state);
      return found?.last_delivery_at !== undefined && found.followers[0]?.position
        ? found
        : undefined;
    });
    const size = (await stat(env.logPath("login"))).size;
    expect(status).toMatchObject({
      pid: process.pid,
      followers: [
        { type: "login", path: env.logPath("login"), position: size, size, lag_bytes: 0 },
      ],
      queue: { depth: 0 },
      counts: { linesRead: 2, entriesSpooled: 1, delivered: 1, failed: 0 },
    });
    expect((await stat(join(state, "status.json"))).mode & 0o777).toBe(0o600);
  });

  it("warns when a configured log stays missing and when the API takes nothing for a while", async () => {
    const env = await makeTempRoot({ followers: ["access"] }); // nobody listens on port 9
    cleanups.push(env.cleanup);
    await createSpoolFromConfig(env.config).write([loginEntry(1)]);
    const agent = startAgent(env.config, INTERVALS);
    cleanups.push(agent.stop);
    const { captured } = agent;
    const missing = await waitFor("the missing-log warning", () =>
      captured.lines().find((line) => String(line.msg).startsWith("a configured log is missing")),
    );
    expect(missing).toMatchObject({ level: "warn", type: "access", path: env.logPath("access") });
    const refused = await waitFor("the refused warning", () =>
      captured.lines().find((line) => String(line.msg).startsWith("the API has taken no entry")),
    );
    expect(refused).toMatchObject({ level: "warn", lastError: "ECONNREFUSED" });
    const status = await waitFor("a status naming the error", async () => {
      const found = await readStatus(env.config.application.state_path);
      return found?.last_error === undefined ? undefined : found;
    });
    expect(status.last_error?.reason).toBe("ECONNREFUSED");
    expect(status.queue.depth).toBe(1);
    expect(status.followers[0]?.missing_since).toEqual(expect.any(String));
    expect(status.last_delivery_at).toBeUndefined();
    const warnings = captured.lines().filter((line) => line.level === "warn");
    expect(
      warnings.filter((line) => String(line.msg).startsWith("a configured log is missing")),
    ).toHaveLength(1);
  });
});
