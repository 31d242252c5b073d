import { CleanupStack } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, type FormattedEntry, maskSecrets } from "../src/index.js";
import { answer, type CaptureServer, headerPairs, startCaptureServer } from "./capture-server.js";
import { type RawServer, startRawServer } from "./raw-server.js";

const entry: FormattedEntry = {
  type: "login",
  time: 1537372956,
  ip: "10.10.10.10",
  mailbox_address: "a@b.com",
  context: "mailbox",
  host: "myhost",
};
const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

async function raw(): Promise<RawServer> {
  const server = await startRawServer("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}");
  cleanups.push(() => server.close());
  return server;
}

async function capture(status = 202): Promise<CaptureServer> {
  const server = await startCaptureServer((_request, response) => answer(response, status, "{}"));
  cleanups.push(() => server.close());
  return server;
}

/** A client of `host` with `credentials`, closed after the test. */
function clientOf(host: string, credentials: { api_identifier: string; api_secret: string }) {
  const client = createApiClient({ host, credentials });
  cleanups.push(() => client.close());
  return client;
}

describe("the report POST on the wire (contract §6)", () => {
  it("sends exactly the request line, headers and body bytes", async () => {
    const server = await raw();
    const client = clientOf(server.url, { api_identifier: "user123", api_secret: "secret" });
    await client.sendReport(entry, {
      idempotencyKey: "0123456789abcdef",
      reporter: "spoor.test.capefox.co",
    });
    const body =
      '{"report":{"entries":[{"type":"login","time":1537372956,"ip":"10.10.10.10",' +
      '"mailbox_address":"a@b.com","context":"mailbox","host":"myhost"}],' +
      '"metadata":{"reporter":"spoor.test.capefox.co"}}}';
    expect(server.requests).toStrictEqual([
      "POST /api/reports HTTP/1.1\r\n" +
        "accept: application/json\r\n" +
        "authorization: Basic dXNlcjEyMzpzZWNyZXQ=\r\n" +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        "content-type: application/json\r\n" +
        "idempotency-key: 0123456789abcdef\r\n" +
        "user-agent: spoor\r\n" +
        `Host: ${server.url.slice("http://".length)}\r\n` +
        "Connection: keep-alive\r\n" +
        "\r\n" +
        body,
    ]);
  });

  it("sends a credential longer than 57 bytes as one unfolded base64 line", async () => {
    const server = await raw();
    const credentials = {
      api_identifier: "spoor-identifier-0123456789abcdef",
      api_secret: "a-rather-long-secret-0123456789abcdefghijklmnop",
    };
    expect(`${credentials.api_identifier}:${credentials.api_secret}`.length).toBeGreaterThan(57);
    const client = clientOf(server.url, credentials);
    await client.sendReport(entry, { idempotencyKey: "k1", reporter: "r" });
    const expected = Buffer.from(
      `${credentials.api_identifier}:${credentials.api_secret}`,
    ).toString("base64");
    const lines = server.requests[0]!.split("\r\n");
    expect(lines.filter((line) => line.toLowerCase().startsWith("authorization:"))).toStrictEqual([
      `authorization: Basic ${expected}`,
    ]);
    expect(lines.filter((line) => /^[ \t]/.test(line))).toStrictEqual([]);
  });

  it("sends non-ASCII entries as UTF-8 with a byte-exact Content-Length", async () => {
    const server = await capture();
    const client = clientOf(server.url, { api_identifier: "id", api_secret: "sé" });
    await client.sendReport(
      { ...entry, mailbox_address: "josé@exämple.com" },
      { idempotencyKey: "k", reporter: "hôte" },
    );
    const [request] = server.requests;
    expect(JSON.parse(request!.body.toString("utf8"))).toStrictEqual({
      report: {
        entries: [{ ...entry, mailbox_address: "josé@exämple.com" }],
        metadata: { reporter: "hôte" },
      },
    });
    expect(headerPairs(request!.rawHeaders)).toContainEqual([
      "content-length",
      String(request!.body.length),
    ]);
    expect(headerPairs(request!.rawHeaders)).toContainEqual([
      "authorization",
      `Basic ${Buffer.from("id:sé", "utf8").toString("base64")}`,
    ]);
  });

  it("reuses one keep-alive connection for consecutive reports", async () => {
    const server = await capture();
    const client = clientOf(server.url, { api_identifier: "id", api_secret: "s" });
    for (const key of ["k1", "k2", "k3"]) {
      await client.sendReport(entry, { idempotencyKey: key, reporter: "r" });
    }
    expect(server.requests.map((r) => r.connection)).toStrictEqual([1, 1, 1]);
    expect(server.connections()).toBe(1);
  });

  it("posts to the configured endpoint under a host path prefix", async () => {
    const server = await capture();
    const client = createApiClient({
      host: `${server.url}/spoor/`,
      reportEndpoint: "/v2/reports",
      credentials: { api_identifier: "id", api_secret: "s" },
    });
    cleanups.push(() => client.close());
    await client.sendReport(entry, { idempotencyKey: "k", reporter: "r" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toStrictEqual([
      "POST /spoor/v2/reports",
    ]);
  });
});

describe("buildReportRequest and maskSecrets", () => {
  it("return what would be sent, and the same with the credential masked", () => {
    const client = createApiClient({
      host: "https://spoor.capefox.co",
      credentials: { api_identifier: "user123", api_secret: "secret" },
      userAgent: "spoor/1.0",
    });
    const request = client.buildReportRequest(entry, { idempotencyKey: "abc", reporter: "r1" });
    client.close();
    const expected = {
      method: "POST",
      url: "https://spoor.capefox.co/api/reports",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: "Basic dXNlcjEyMzpzZWNyZXQ=",
        "Idempotency-Key": "abc",
        "User-Agent": "spoor/1.0",
      },
      body: JSON.stringify({ report: { entries: [entry], metadata: { reporter: "r1" } } }),
    };
    expect(request).toStrictEqual(expected);
    expect(maskSecrets(request)).toStrictEqual({
      ...expected,
      headers: { ...expected.headers, Authorization: "Basic ****" },
    });
    expect(request.headers.Authorization).toBe("Basic dXNlcjEyMzpzZWNyZXQ=");
  });

  it("refuses an idempotency key that cannot be a header value", () => {
    const client = createApiClient({
      host: "https://spoor.capefox.co",
      credentials: { api_identifier: "u", api_secret: "s" },
    });
    client.close();
    expect(() =>
      client.buildReportRequest(entry, { idempotencyKey: "a\r\nb", reporter: "r" }),
    ).toThrow(new TypeError("the idempotency key must be 1-256 visible ASCII characters"));
  });
});
