import { afterEach, describe, expect, it } from "vitest";
import type { AlertJson } from "../src/index.js";
import { BASIC, rawRequest, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

const beat = (url: string, body: string) =>
  rawRequest(url, {
    method: "POST",
    path: "/api/heartbeats",
    headers: { authorization: BASIC, "content-type": "application/json" },
    body,
  });

describe("heartbeats and the agent-silent rule", () => {
  it("accepts a heartbeat with 202 and alerts once when the host falls silent for 10 min", async () => {
    let now = 1_764_000_000_000;
    const { server } = await serverWithClient({ clock: () => now });
    const answer = await beat(
      server.url,
      JSON.stringify({
        host: "web1",
        agent_version: "0.1.0",
        queue_depth: 3,
        followers: { login: { lag_bytes: 0 } },
      }),
    );
    expect([answer.status, JSON.parse(answer.body)]).toStrictEqual([202, { status: "accepted" }]);
    now += 9 * 60_000;
    expect(await server.checkSilence()).toBe(0);
    now += 2 * 60_000;
    expect(await server.checkSilence()).toBe(1);
    expect(await server.checkSilence()).toBe(0);
    const alerts = await rawRequest(server.url, {
      path: "/api/alerts",
      headers: { authorization: BASIC },
    });
    const [alert, ...rest] = (JSON.parse(alerts.body) as { alerts: AlertJson[] }).alerts;
    expect(rest).toStrictEqual([]);
    expect(alert).toMatchObject({
      rule: "agent-silent",
      severity: "medium",
      state: "open",
      hosts: ["web1"],
    });
    expect(alert!.summary).toContain("web1");
  });

  it.each([
    ["no host", "{}"],
    ["a host that is not a string", '{"host":7}'],
    ["a negative queue depth", '{"host":"h","queue_depth":-1}'],
    ["followers that are not lags", '{"host":"h","followers":{"login":{"lag_bytes":"x"}}}'],
    ["an array", "[]"],
  ])("refuses a heartbeat with %s (400)", async (_name, body) => {
    const { server } = await serverWithClient();
    expect((await beat(server.url, body)).status).toBe(400);
  });
});
