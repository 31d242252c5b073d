import { CleanupStack } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { headerPairs } from "./capture-server.js";
import { rejection } from "./error-facts.js";
import { serveAnswer } from "./serve-answer.js";

const credentials = { api_identifier: "user123", api_secret: "secret" };
const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

function serve(status: number, body: string) {
  return serveAnswer(cleanups, credentials, status, body);
}

const report = {
  id: 7,
  event_time: 1555588110,
  host: "host1",
  type: "login",
  mailbox_address: "a@b.c",
};

describe("listReports and listMailboxEvents", () => {
  it("GET the original's URLs with Accept, HTTP-Accept and Basic auth, and return the inner array", async () => {
    const { server, client } = await serve(200, JSON.stringify({ reports: [report] }));
    expect(await client.listReports("host 1/ü")).toStrictEqual([report]);
    const [request] = server.requests;
    expect({ method: request!.method, url: request!.url }).toStrictEqual({
      method: "GET",
      url: "/api/reports?reports%5Bhost%5D=host%201%2F%C3%BC",
    });
    expect(headerPairs(request!.rawHeaders).filter(([name]) => name !== "host")).toStrictEqual([
      ["accept", "application/json"],
      ["authorization", "Basic dXNlcjEyMzpzZWNyZXQ="],
      ["http-accept", "application/json"],
      ["user-agent", "spoor"],
      ["connection", "keep-alive"],
    ]);
    expect(request!.body.length).toBe(0);
  });

  it("lists mailbox events from /api/mailbox_events", async () => {
    const event = { ...report, ip_actor: { ip_address: "10.0.0.1" } };
    const { server, client } = await serve(200, JSON.stringify({ mailbox_events: [event] }));
    expect(await client.listMailboxEvents("host1")).toStrictEqual([event]);
    expect(server.requests[0]!.url).toBe("/api/mailbox_events?mailbox_events%5Bhost%5D=host1");
  });

  it("refuses a body that is not JSON", async () => {
    const { server, client } = await serve(200, "<html>maintenance</html>");
    const url = `${server.url}/api/reports?reports%5Bhost%5D=h`;
    expect(await rejection(client.listReports("h"))).toStrictEqual({
      message: `GET ${url}: the response is not JSON`,
      kind: "invalid-response",
      method: "GET",
      url,
      status: 200,
      isRetryable: false,
    });
  });

  it.each([
    ['{"mailbox_events":[]}', 'the response has no "reports" array'],
    ['{"reports":{"a":1}}', 'the response has no "reports" array'],
    ["[1,2]", 'the response has no "reports" array'],
    ["null", 'the response has no "reports" array'],
    ['{"reports":[{"id":1},"x"]}', 'element 1 of "reports" is not an object'],
  ])("refuses %s", async (body, problem) => {
    const { server, client } = await serve(200, body);
    expect((await rejection(client.listReports("h"))).message).toBe(
      `GET ${server.url}/api/reports?reports%5Bhost%5D=h: ${problem}`,
    );
  });

  it("refuses a body over 1 MiB without reading all of it", async () => {
    const huge = JSON.stringify({ reports: [{ id: 1, padding: "x".repeat(2 * 1024 * 1024) }] });
    const { client } = await serve(200, huge);
    const facts = await rejection(client.listReports("h"));
    expect({ kind: facts.kind, message: facts.message.replace(/^.*: /, "") }).toStrictEqual({
      kind: "invalid-response",
      message: "the response is larger than 1048576 bytes",
    });
  });

  it("reports a non-2xx status as an http error with its excerpt", async () => {
    const { server, client } = await serve(401, '{"error":"unauthorized"}');
    const url = `${server.url}/api/mailbox_events?mailbox_events%5Bhost%5D=h`;
    expect(await rejection(client.listMailboxEvents("h"))).toStrictEqual({
      message: `GET ${url} answered HTTP 401: check transmission.credentials (api_identifier / api_secret)`,
      kind: "http",
      method: "GET",
      url,
      status: 401,
      isRetryable: false,
      bodyExcerpt: '{"error":"unauthorized"}',
    });
  });
});
