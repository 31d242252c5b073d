import { CleanupStack } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { HOSTILE, TAKEOVER } from "./alert-fixtures.js";
import { headerPairs } from "./capture-server.js";
import { rejection } from "./error-facts.js";
import { serveAnswer } from "./serve-answer.js";

const credentials = { api_identifier: "analyst", api_secret: "secret" };
const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

function serve(status: number, body: string) {
  return serveAnswer(cleanups, credentials, status, body);
}

describe("listAlerts", () => {
  it("GETs /api/alerts with the filters as alerts[...] parameters and returns the checked alerts", async () => {
    const { server, client } = await serve(200, JSON.stringify({ alerts: [TAKEOVER, HOSTILE] }));
    const alerts = await client.listAlerts({
      minSeverity: "low",
      state: "open",
      host: "cp1.example.com",
      mailbox: "alice@example.com",
      limit: 50,
      beforeId: 100,
    });
    expect(alerts).toStrictEqual([TAKEOVER, HOSTILE]);
    const [request] = server.requests;
    expect(request!.url).toBe(
      "/api/alerts?alerts%5Bmin_severity%5D=low&alerts%5Bstate%5D=open&alerts%5Bhost%5D=cp1.example.com&alerts%5Bmailbox_address%5D=alice%40example.com&limit=50&before_id=100",
    );
    expect(headerPairs(request!.rawHeaders).filter(([name]) => name !== "host")).toStrictEqual([
      ["accept", "application/json"],
      ["authorization", "Basic YW5hbHlzdDpzZWNyZXQ="],
      ["http-accept", "application/json"],
      ["user-agent", "spoor"],
      ["connection", "keep-alive"],
    ]);
  });

  it("asks without parameters when no filter is given", async () => {
    const { server, client } = await serve(200, '{"alerts":[]}');
    expect(await client.listAlerts()).toStrictEqual([]);
    expect(server.requests[0]!.url).toBe("/api/alerts");
  });

  it("drops fields the contract does not name and converts ISO 8601 stamps to Unix seconds", async () => {
    const answer = {
      ...TAKEOVER,
      created_at: "2025-12-03T12:40:41Z",
      updated_at: "2025-12-03T13:40:41.500+01:00",
      __proto__x: "ignored",
      console_url: "javascript:alert(1)",
    };
    const { client } = await serve(200, JSON.stringify({ alerts: [answer] }));
    expect(await client.listAlerts()).toStrictEqual([
      { ...TAKEOVER, created_at: 1764765641, updated_at: 1764765641 },
    ]);
  });

  it.each([
    [{ id: "42" }, "id", "a positive whole number"],
    [{ id: 0 }, "id", "a positive whole number"],
    [{ rule: "" }, "rule", "a non-empty string"],
    [{ severity: "critical" }, "severity", "info, low, medium or high"],
    [{ state: "closed" }, "state", "open, acknowledged, resolved or false_positive"],
    [{ summary: null }, "summary", "a string"],
    [{ hosts: "cp1" }, "hosts", "a list of strings"],
    [{ ips: [1] }, "ips", "a list of strings"],
    [{ forward_recipients: undefined }, "forward_recipients", "a list of strings"],
    [{ event_ids: [7, -1] }, "event_ids", "a list of positive whole numbers"],
    [{ first_event_time: "yesterday" }, "first_event_time", "a time in Unix seconds"],
    [{ last_event_time: 1e300 }, "last_event_time", "a time in Unix seconds"],
    [{ created_at: "2025-13-45" }, "created_at", "a time in Unix seconds"],
  ])(
    "refuses an alert whose %j breaks the contract, naming the field",
    async (change, field, expected) => {
      const { server, client } = await serve(
        200,
        JSON.stringify({ alerts: [HOSTILE, { ...TAKEOVER, ...change }] }),
      );
      const url = `${server.url}/api/alerts`;
      expect(await rejection(client.listAlerts())).toStrictEqual({
        message: `GET ${url}: element 1 of "alerts" has no valid "${field}" (expected ${expected})`,
        kind: "invalid-response",
        method: "GET",
        url,
        status: 200,
        isRetryable: false,
      });
    },
  );

  it("refuses an answer without an alerts array", async () => {
    const { server, client } = await serve(200, '{"mailbox_events":[]}');
    expect((await rejection(client.listAlerts())).message).toBe(
      `GET ${server.url}/api/alerts: the response has no "alerts" array`,
    );
  });

  it("says a 403 means the credential is not an analyst's", async () => {
    const { server, client } = await serve(403, '{"error":"analyst role required"}');
    const url = `${server.url}/api/alerts?alerts%5Bstate%5D=open`;
    expect(await rejection(client.listAlerts({ state: "open" }))).toStrictEqual({
      message: `GET ${url} answered HTTP 403: the credentials are not an analyst's: only an analyst credential may read alerts`,
      kind: "http",
      method: "GET",
      url,
      status: 403,
      isRetryable: false,
      bodyExcerpt: '{"error":"analyst role required"}',
    });
  });

  it("says a 404 means the API has no alerts (the original Spoor API)", async () => {
    const { client } = await serve(404, "");
    expect((await rejection(client.listAlerts())).message).toMatch(
      /answered HTTP 404: this API has no alerts \(only a spoor server has\): check transmission\.host$/,
    );
  });

  it("accepts an answer over the 1 MiB of the record lists (1000 alerts with long evidence)", async () => {
    const many = Array.from({ length: 1000 }, (_, index) => ({
      ...TAKEOVER,
      id: 1000 - index,
      event_ids: Array.from({ length: 200 }, (_e, n) => n + 1),
    }));
    const body = JSON.stringify({ alerts: many });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const { client } = await serve(200, body);
    expect(
      (await client.listAlerts({ limit: 1000 })).map((alert) => alert.id).slice(0, 2),
    ).toStrictEqual([1000, 999]);
  });
});
