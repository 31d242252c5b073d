import { once } from "node:events";
import { createServer } from "node:net";
import { CleanupStack } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient, type FormattedEntry } from "../src/index.js";
import { answer, type CaptureServer, startCaptureServer } from "./capture-server.js";
import { httpFacts, rejection, waitFor } from "./error-facts.js";
import { startRawServer } from "./raw-server.js";

const entry: FormattedEntry = { type: "login", time: 1, host: "h" };
const credentials = { api_identifier: "user123", api_secret: "s3cr3t-value" };
const options = { idempotencyKey: "key", reporter: "r" };
const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

async function serve(
  respond: Parameters<typeof startCaptureServer>[0],
  timeoutMs?: number,
): Promise<{ server: CaptureServer; client: ApiClient; url: string }> {
  const server = await startCaptureServer(respond);
  cleanups.push(() => server.close());
  const client = createApiClient({
    host: server.url,
    credentials,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  cleanups.push(() => client.close());
  return { server, client, url: `${server.url}/api/reports` };
}

/** The facts of a POST to `url` whose connection the server reset. */
const resetFacts = (url: string) => ({
  message: `POST ${url}: connection reset by the server (ECONNRESET)`,
  kind: "network",
  method: "POST",
  url,
  isRetryable: true,
  code: "ECONNRESET",
});

describe("report POST statuses", () => {
  it("resolves on 202", async () => {
    const { client, server } = await serve((_q, response) =>
      answer(response, 202, '{"status":"accepted"}'),
    );
    await expect(client.sendReport(entry, options)).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it.each([200, 201])(
    "retries %i: it does not confirm that the report was queued",
    async (status) => {
      const { client, url } = await serve((_q, response) =>
        answer(response, status, '{"ok":true}'),
      );
      expect(await rejection(client.sendReport(entry, options))).toStrictEqual(
        httpFacts(
          "POST",
          url,
          status,
          "expected 202 Accepted; the server did not confirm that it queued the report",
          { isRetryable: true, bodyExcerpt: '{"ok":true}' },
        ),
      );
    },
  );

  it("retries 500 and keeps a short excerpt of the body", async () => {
    const { client, url } = await serve((_q, response) => answer(response, 500, "x".repeat(5000)));
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual(
      httpFacts("POST", url, 500, "server error", {
        isRetryable: true,
        bodyExcerpt: `${"x".repeat(200)}…`,
      }),
    );
  });

  it("retries 503 with Retry-After in delta-seconds", async () => {
    const { client, url } = await serve((_q, response) =>
      answer(response, 503, "", { "Retry-After": "120" }),
    );
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual(
      httpFacts("POST", url, 503, "server error", { isRetryable: true, retryAfterMs: 120_000 }),
    );
  });

  it("retries 429 with Retry-After as an HTTP-date", async () => {
    const { client } = await serve((_q, response) =>
      answer(response, 429, "slow down", {
        "Retry-After": new Date(Date.now() + 60_000).toUTCString(),
      }),
    );
    const facts = await rejection(client.sendReport(entry, options));
    expect({ ...facts, retryAfterMs: undefined }).toStrictEqual({
      message: expect.stringMatching(/answered HTTP 429: rate limited by the API$/),
      kind: "http",
      method: "POST",
      url: expect.any(String),
      status: 429,
      isRetryable: true,
      retryAfterMs: undefined,
      bodyExcerpt: "slow down",
    });
    expect(facts.retryAfterMs).toBeGreaterThan(30_000);
    expect(facts.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it.each([
    [400, "the API rejected the request as invalid"],
    [401, "check transmission.credentials (api_identifier / api_secret)"],
    [403, "the credentials are not allowed to do this"],
    [404, "check transmission.host and transmission.endpoints.report"],
    [422, "the API rejected the request as invalid"],
  ])("treats %i as permanent", async (status, hint) => {
    const { client, url } = await serve((_q, response) => answer(response, status));
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual(
      httpFacts("POST", url, status, `${hint}`, { isRetryable: false }),
    );
  });

  it("does not follow a redirect (the credentials never travel on)", async () => {
    const { client, server, url } = await serve((_q, response) =>
      answer(response, 301, "", { Location: "http://127.0.0.1:1/elsewhere" }),
    );
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual(
      httpFacts(
        "POST",
        url,
        301,
        'redirect to "http://127.0.0.1:1/elsewhere" not followed: set transmission.host to the final address',
        { isRetryable: true },
      ),
    );
    expect(server.requests).toHaveLength(1);
  });

  it("masks credentials a server echoes and escapes control characters in the excerpt", async () => {
    const { client } = await serve((_q, response, raw) =>
      answer(response, 500, `got ${raw.headers.authorization} and s3cr3t-value\n\u001b[2J`),
    );
    const facts = await rejection(client.sendReport(entry, options));
    expect(facts.bodyExcerpt).toBe("got Basic **** and ****\\u{a}\\u{1b}[2J");
  });
});

describe("report POST without an answer", () => {
  it("reports a refused connection as a retryable network error", async () => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const { port } = probe.address() as { port: number };
    probe.close();
    await once(probe, "close");
    const client = createApiClient({ host: `http://127.0.0.1:${port}`, credentials });
    cleanups.push(() => client.close());
    const url = `http://127.0.0.1:${port}/api/reports`;
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual({
      message: `POST ${url}: connection refused (ECONNREFUSED)`,
      kind: "network",
      method: "POST",
      url,
      isRetryable: true,
      code: "ECONNREFUSED",
    });
  });

  it("reports a connection the server resets as a retryable network error", async () => {
    const { client, url } = await serve((_q, _response, raw) => raw.socket.destroy());
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual(resetFacts(url));
  });

  it.each<[string, Parameters<typeof serve>[0]]>([
    ["gives up on a server that never answers after timeoutMs", () => {}],
    [
      "times out a body that stalls after the status line",
      (_q, response) => {
        response.writeHead(202, { "Content-Length": "10" });
        response.write("{");
      },
    ],
  ])("%s", async (_title, handler) => {
    const { client, url } = await serve(handler, 300);
    expect(await rejection(client.sendReport(entry, options))).toStrictEqual({
      message: `POST ${url}: no complete answer within 300 ms`,
      kind: "timeout",
      method: "POST",
      url,
      isRetryable: true,
    });
  });

  it("reports a body the server cuts short as a retryable network error", async () => {
    const server = await startRawServer("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{");
    cleanups.push(() => server.close());
    const client = createApiClient({ host: server.url, credentials });
    cleanups.push(() => client.close());
    const sending = rejection(client.sendReport(entry, options));
    await waitFor(() => server.requests.length === 1);
    await server.close();
    const url = `${server.url}/api/reports`;
    expect(await sending).toStrictEqual(resetFacts(url));
  });

  it("ends as aborted when the caller's signal fires", async () => {
    const { client, server, url } = await serve(() => {});
    const controller = new AbortController();
    const sending = rejection(client.sendReport(entry, { ...options, signal: controller.signal }));
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect(await sending).toStrictEqual({
      message: `POST ${url}: aborted`,
      kind: "aborted",
      method: "POST",
      url,
      isRetryable: true,
    });
  });

  it("ends in-flight requests as aborted on close(), and later ones too", async () => {
    const { client, server } = await serve(() => {});
    const sending = rejection(client.sendReport(entry, options));
    await waitFor(() => server.requests.length === 1);
    client.close();
    expect((await sending).kind).toBe("aborted");
    expect((await rejection(client.sendReport(entry, options))).kind).toBe("aborted");
    expect(server.requests).toHaveLength(1);
  });
});
