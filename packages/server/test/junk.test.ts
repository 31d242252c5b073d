import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BASIC, rawRequest, reportBody, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

const json = { authorization: BASIC, "content-type": "application/json" };
const entry = { type: "login", time: 1, host: "h" };

async function post(url: string, body: string | Buffer, headers: Record<string, string> = json) {
  const response = await rawRequest(url, { method: "POST", path: "/api/reports", headers, body });
  return { status: response.status, body: response.body };
}

describe("malformed report bodies get a clear 400", () => {
  it.each([
    ["not JSON", "{report:", "the body is not valid JSON"],
    [
      "a JSON array",
      "[]",
      'the body must be {"report":{"entries":[…],"metadata":{"reporter":"…"}}}',
    ],
    [
      "no metadata",
      '{"report":{"entries":[{"type":"login"}]}}',
      "report.metadata.reporter must be a non-empty string",
    ],
    [
      "an empty reporter",
      JSON.stringify({ report: { entries: [entry], metadata: { reporter: "" } } }),
      "report.metadata.reporter must be a non-empty string",
    ],
    [
      "no entries",
      JSON.stringify({ report: { entries: [], metadata: { reporter: "h" } } }),
      "report.entries must be an array of 1 to 1000 entries",
    ],
    [
      "entries not an array",
      JSON.stringify({ report: { entries: {}, metadata: { reporter: "h" } } }),
      "report.entries must be an array of 1 to 1000 entries",
    ],
    [
      "an entry that is a string",
      reportBody("login" as never),
      "report.entries[0] must be an object",
    ],
    [
      "an entry without type",
      reportBody({ time: 1 }),
      "report.entries[0].type must be a non-empty string",
    ],
    [
      "a numeric type",
      reportBody({ type: 5 }),
      "report.entries[0].type must be a non-empty string",
    ],
    [
      "a string time",
      reportBody({ type: "login", time: "1" }),
      "report.entries[0].time must be a number (Unix seconds)",
    ],
    [
      "an object ip",
      reportBody({ type: "login", ip: {} }),
      "report.entries[0].ip must be a string",
    ],
  ])("%s", async (_name, body, error) => {
    const { server } = await serverWithClient();
    expect(await post(server.url, body)).toStrictEqual({
      status: 400,
      body: JSON.stringify({ error }),
    });
    expect((await server.stats()).reports).toBe(0);
  });

  it("reads bytes that are not UTF-8 as Latin-1, then refuses them when that is not JSON", async () => {
    const { server } = await serverWithClient();
    const binary = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x80, 0x7d]);
    expect(await post(server.url, binary)).toStrictEqual({
      status: 400,
      body: JSON.stringify({ error: "the body is not valid JSON" }),
    });
  });

  it("stores and lists entries of types it does not know, and keeps hostile strings as data", async () => {
    const { server } = await serverWithClient();
    const hostile = "'; DROP TABLE reports; --\u0000\n<script>alert(1)</script>\u202e%s%n$" + "{x}";
    const entries = [
      { type: "quantum_teleport", time: 1, host: "h", mailbox_address: hostile, context: hostile },
      {
        type: hostile,
        time: 2,
        host: "h",
        ip: hostile,
        forward_recipient: hostile,
        mailbox_address: "a@b",
      },
      { type: "login", time: 3, host: "h", ip: "::ffff:not-an-ip", mailbox_address: "a@b" },
    ];
    const sent = await post(
      server.url,
      JSON.stringify({ report: { entries, metadata: { reporter: "h" } } }),
    );
    expect(sent.status).toBe(202);
    const reports = await rawRequest(server.url, {
      path: "/api/reports?reports%5Bhost%5D=h",
      headers: { authorization: BASIC },
    });
    expect(JSON.parse(reports.body).reports.map((r: { type: string }) => r.type)).toStrictEqual([
      "login",
      hostile,
      "quantum_teleport",
    ]);
    const events = await rawRequest(server.url, {
      path: "/api/mailbox_events?mailbox_events%5Bhost%5D=h",
      headers: { authorization: BASIC },
    });
    const listed = JSON.parse(events.body).mailbox_events;
    expect(listed[1]).toMatchObject({
      type: hostile,
      forward_recipient: hostile,
      ip_actor: { ip_address: hostile, network: null, asn: null },
    });
    expect(listed[2]).toMatchObject({ type: "quantum_teleport", mailbox_address: hostile });
    expect(await server.stats()).toMatchObject({ reports: 3, mailbox_events: 3 });
  });

  it("refuses a malformed Idempotency-Key", async () => {
    const { server } = await serverWithClient();
    expect(
      await post(server.url, reportBody(entry), { ...json, "idempotency-key": "a b" }),
    ).toStrictEqual({
      status: 400,
      body: JSON.stringify({ error: "Idempotency-Key must be 1-256 visible ASCII characters" }),
    });
  });
});

describe("other junk", () => {
  it("answers 415 to another content type", async () => {
    const { server } = await serverWithClient();
    expect(
      await post(server.url, reportBody(entry), {
        authorization: BASIC,
        "content-type": "text/plain",
      }),
    ).toStrictEqual({
      status: 415,
      body: JSON.stringify({ error: "the body must be sent as Content-Type: application/json" }),
    });
  });

  it("answers 413 to a declared or streamed body over the cap, and closes the connection", async () => {
    const { server } = await serverWithClient({ maxBodyBytes: 1024 });
    const big = reportBody({ type: "login", padding: "x".repeat(2000) });
    const declared = await rawRequest(server.url, {
      method: "POST",
      path: "/api/reports",
      headers: json,
      body: big,
    });
    const streamed = await rawRequest(server.url, {
      method: "POST",
      path: "/api/reports",
      headers: { ...json, "transfer-encoding": "chunked" },
      body: big,
    });
    const expected = {
      status: 413,
      connection: "close",
      body: JSON.stringify({ error: "the body is larger than 1024 bytes" }),
    };
    for (const response of [declared, streamed]) {
      expect({
        status: response.status,
        connection: response.headers.connection,
        body: response.body,
      }).toStrictEqual(expected);
    }
    expect(await post(server.url, reportBody(entry))).toStrictEqual({
      status: 202,
      body: '{"status":"accepted","id":1}',
    });
  });

  it("answers 404 to unknown paths and 405 with Allow to wrong methods", async () => {
    const { server } = await serverWithClient();
    const answers = [];
    for (const [method, path] of [
      ["GET", "/nothing-here"],
      ["GET", "/api/reports/1"],
      ["GET", "/api/constructor"],
      ["GET", "/api/__proto__"],
      ["DELETE", "/api/reports"],
      ["POST", "/api/mailbox_events"],
      ["PUT", "/api/stats"],
      ["toString", "/api/reports"],
    ] as const) {
      const response = await rawRequest(server.url, {
        method,
        path,
        headers: { authorization: BASIC },
      });
      answers.push([response.status, response.headers.allow ?? null, response.body]);
    }
    expect(answers).toStrictEqual([
      [404, null, '{"error":"no such endpoint"}'],
      [404, null, '{"error":"no such endpoint"}'],
      [404, null, '{"error":"no such endpoint"}'],
      [404, null, '{"error":"no such endpoint"}'],
      [405, "POST, GET", '{"error":"DELETE is not allowed here"}'],
      [405, "GET", '{"error":"POST is not allowed here"}'],
      [405, "GET", '{"error":"PUT is not allowed here"}'],
      [400, null, ""],
    ]);
  });

  it("answers 400 to an unparsable or repeated query filter", async () => {
    const { server } = await serverWithClient();
    const bad = await rawRequest(server.url, {
      path: "/api/reports?reports%5Bhost%5D=%E0%A4%A",
      headers: { authorization: BASIC },
    });
    const twice = await rawRequest(server.url, {
      path: "/api/reports?reports[host]=a&reports[host]=b",
      headers: { authorization: BASIC },
    });
    expect([bad.status, bad.body, twice.status, twice.body]).toStrictEqual([
      400,
      '{"error":"the query string is not valid percent-encoded UTF-8"}',
      400,
      '{"error":"reports[host] is given more than once"}',
    ]);
  });

  it("survives raw garbage on the socket and keeps serving", async () => {
    const { server, client } = await serverWithClient();
    const socket = connect(server.port, "127.0.0.1");
    const reply = await new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString("latin1");
      });
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
      socket.write(
        Buffer.from([
          0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a,
        ]),
      );
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    await client.sendReport({ type: "login", host: "h" }, { idempotencyKey: "k", reporter: "h" });
    expect((await server.stats()).reports).toBe(1);
  });
});
