import { afterEach, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient, type Heartbeat } from "../src/index.js";
import { answer, type CaptureServer, headerPairs, startCaptureServer } from "./capture-server.js";
import { rejection } from "./error-facts.js";

const credentials = { api_identifier: "user123", api_secret: "secret" };
const HEARTBEAT: Heartbeat = {
  host: "cp1.example.com",
  agent_version: "0.1.0",
  queue_depth: 3,
  followers: { login: { lag_bytes: 0 }, access: { lag_bytes: 1234 } },
};
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(
  respond: Parameters<typeof startCaptureServer>[0],
  host = (url: string) => url,
): Promise<{ server: CaptureServer; client: ApiClient; url: string }> {
  const server = await startCaptureServer(respond);
  cleanups.push(() => server.close());
  const client = createApiClient({ host: host(server.url), credentials });
  cleanups.push(() => client.close());
  return { server, client, url: `${host(server.url)}/api/heartbeats` };
}

describe("postHeartbeat", () => {
  it("POSTs the heartbeat JSON to /api/heartbeats with Basic auth and resolves on 202", async () => {
    const { client, server } = await serve((_q, response) => answer(response, 202, "{}"));
    await expect(
      client.postHeartbeat({ ...HEARTBEAT, extra: "dropped" } as Heartbeat),
    ).resolves.toBeUndefined();
    const [request] = server.requests;
    expect({ method: request!.method, url: request!.url }).toStrictEqual({
      method: "POST",
      url: "/api/heartbeats",
    });
    expect(headerPairs(request!.rawHeaders).filter(([name]) => name !== "host")).toStrictEqual([
      ["accept", "application/json"],
      ["authorization", "Basic dXNlcjEyMzpzZWNyZXQ="],
      ["content-length", String(request!.body.length)],
      ["content-type", "application/json"],
      ["user-agent", "spoor"],
      ["connection", "keep-alive"],
    ]);
    expect(request!.body.toString("utf8")).toBe(
      '{"host":"cp1.example.com","agent_version":"0.1.0","queue_depth":3,"followers":{"login":{"lag_bytes":0},"access":{"lag_bytes":1234}}}',
    );
  });

  it("posts under the host's base path", async () => {
    const { client, server } = await serve(
      (_q, response) => answer(response, 202),
      (url) => `${url}/spoor`,
    );
    await client.postHeartbeat(HEARTBEAT);
    expect(server.requests[0]!.url).toBe("/spoor/api/heartbeats");
  });

  it("says a 404 means the API takes no heartbeats, and that it is permanent", async () => {
    const { client, url } = await serve((_q, response) => answer(response, 404, "not found"));
    expect(await rejection(client.postHeartbeat(HEARTBEAT))).toStrictEqual({
      message: `POST ${url} answered HTTP 404: this API does not take heartbeats (the original Spoor API does not): set transmission.heartbeat: false, or point transmission.host at a spoor server`,
      kind: "http",
      method: "POST",
      url,
      status: 404,
      isRetryable: false,
      bodyExcerpt: "not found",
    });
  });

  it("classifies statuses as a report does: 200 and 503 are retryable, Retry-After kept", async () => {
    const statuses = [200, 503];
    const { client } = await serve((_q, response) =>
      answer(response, statuses.shift()!, "", { "Retry-After": "7" }),
    );
    const ok = await rejection(client.postHeartbeat(HEARTBEAT));
    const down = await rejection(client.postHeartbeat(HEARTBEAT));
    expect([ok.message.replace(/^.*: /, ""), ok.isRetryable]).toStrictEqual([
      "expected 202 Accepted",
      true,
    ]);
    expect([down.status, down.isRetryable, down.retryAfterMs]).toStrictEqual([503, true, 7000]);
  });

  it("reports a refused connection as a retryable network error", async () => {
    const client = createApiClient({ host: "http://127.0.0.1:9", credentials });
    cleanups.push(() => client.close());
    const facts = await rejection(client.postHeartbeat(HEARTBEAT));
    expect([facts.kind, facts.code, facts.isRetryable]).toStrictEqual([
      "network",
      "ECONNREFUSED",
      true,
    ]);
  });

  it.each([
    [{ ...HEARTBEAT, host: "" }, "a heartbeat needs the reporting host"],
    [
      { ...HEARTBEAT, agent_version: 1 as unknown as string },
      "a heartbeat needs the agent version",
    ],
    [{ ...HEARTBEAT, queue_depth: -1 }, "queue_depth must be a non-negative whole number"],
    [
      { ...HEARTBEAT, followers: { login: { lag_bytes: 1.5 } } },
      "followers.login.lag_bytes must be a non-negative whole number",
    ],
  ])("refuses a malformed heartbeat without sending it (%#)", async (heartbeat, message) => {
    const { client, server } = await serve((_q, response) => answer(response, 202));
    await expect(client.postHeartbeat(heartbeat)).rejects.toThrow(new TypeError(message));
    expect(server.requests).toHaveLength(0);
  });
});
