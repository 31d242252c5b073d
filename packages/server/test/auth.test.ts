import { afterEach, expect, it } from "vitest";
import { BASIC, rawRequest, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

const challenge = 'Basic realm="spoor", charset="UTF-8"';
const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;

it.each([
  ["no header", undefined, "HTTP Basic authentication required"],
  ["another scheme", "Bearer abc", "HTTP Basic authentication required"],
  ["junk base64", "Basic !!!", "HTTP Basic authentication required"],
  ["no colon", basic("user123secret"), "malformed Basic credentials"],
  ["a wrong secret", basic("user123:secreT"), "unknown identifier or wrong secret"],
  ["an unknown identifier", basic("user124:secret"), "unknown identifier or wrong secret"],
  ["a secret with a suffix", basic("user123:secret2"), "unknown identifier or wrong secret"],
])("answers 401 with WWW-Authenticate for %s", async (_name, authorization, error) => {
  const { server } = await serverWithClient();
  for (const path of ["/api/reports", "/api/mailbox_events", "/api/stats"]) {
    const response = await rawRequest(server.url, {
      path,
      headers: authorization === undefined ? {} : { authorization },
    });
    expect({
      status: response.status,
      challenge: response.headers["www-authenticate"],
      body: response.body,
    }).toStrictEqual({
      status: 401,
      challenge,
      body: JSON.stringify({ error }),
    });
  }
});

it("accepts the scheme in any case and any configured pair", async () => {
  const { server } = await serverWithClient({
    credentials: [
      { identifier: "user123", secret: "secret" },
      { identifier: "second", secret: "pässwörd:with:colons" },
    ],
  });
  const statuses = [];
  for (const authorization of [
    BASIC,
    BASIC.replace("Basic", "basic"),
    basic("second:pässwörd:with:colons"),
  ]) {
    statuses.push(
      (await rawRequest(server.url, { path: "/api/stats", headers: { authorization } })).status,
    );
  }
  expect(statuses).toStrictEqual([200, 200, 200]);
});

it("refuses a --credentials identifier that is empty or holds a colon", async () => {
  const { startServer } = await import("../src/index.js");
  await expect(startServer({ credentials: [{ identifier: "a:b", secret: "s" }] })).rejects.toThrow(
    new TypeError("a credential identifier must be non-empty and without ':'"),
  );
});
