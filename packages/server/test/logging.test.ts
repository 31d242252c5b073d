import { afterEach, expect, it } from "vitest";
import type { ServerLogger } from "../src/index.js";
import { BASIC, rawRequest, reportBody, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

it("logs one line per request without headers, bodies or secrets", async () => {
  const lines: Array<[string, string, Record<string, unknown>]> = [];
  const record =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      lines.push([level, msg, fields]);
    };
  const logger: ServerLogger = {
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
  };
  const { server, client } = await serverWithClient({ logger });
  await client.sendReport(
    { type: "login", mailbox_address: "victim@example.com", host: "h" },
    { idempotencyKey: "k", reporter: "h" },
  );
  await rawRequest(server.url, {
    method: "POST",
    path: "/api/reports?token=x",
    headers: {
      authorization: `Basic ${Buffer.from("user123:hunter2-leak").toString("base64")}`,
      "content-type": "application/json",
    },
    body: reportBody({ type: "login", mailbox_address: "victim@example.com" }),
  });
  await rawRequest(server.url, { path: "/api/stats", headers: { authorization: BASIC } });
  const stable = lines.map(([level, msg, { duration_ms, ...fields }]) => [
    level,
    msg,
    fields,
    typeof duration_ms,
  ]);
  expect(stable).toStrictEqual([
    [
      "info",
      "request",
      {
        method: "POST",
        path: "/api/reports",
        status: 202,
        identifier: "user123",
        remote: "127.0.0.1",
      },
      "number",
    ],
    [
      "info",
      "request",
      {
        method: "POST",
        path: "/api/reports",
        status: 401,
        problem: "unknown identifier or wrong secret",
        remote: "127.0.0.1",
      },
      "number",
    ],
    [
      "info",
      "request",
      {
        method: "GET",
        path: "/api/stats",
        status: 200,
        identifier: "user123",
        remote: "127.0.0.1",
      },
      "number",
    ],
  ]);
  const text = JSON.stringify(lines);
  for (const secret of [
    "hunter2",
    "dXNlcjEyMzpodW50ZXIyLWxlYWs",
    "dXNlcjEyMzpzZWNyZXQ",
    "victim@example.com",
    "token",
  ]) {
    expect(text).not.toContain(secret);
  }
});
