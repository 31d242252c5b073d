import { Agent } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, type FetchInit, nodeHttpFetch } from "../src/index.js";
import { answer, headerPairs, startCaptureServer } from "./capture-server.js";
import { rejection, waitFor } from "./error-facts.js";
import { startRawServer } from "./raw-server.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function init(overrides: Partial<FetchInit> = {}): FetchInit {
  const agent = new Agent({ keepAlive: true });
  cleanups.push(() => agent.destroy());
  return {
    method: "GET",
    headers: { Accept: "application/json", "User-Agent": "t" },
    signal: new AbortController().signal,
    agent: () => agent,
    compress: false,
    redirect: "manual",
    ...overrides,
  };
}

async function text(body: AsyncIterable<Uint8Array | string> | null): Promise<string> {
  let all = "";
  for await (const chunk of body ?? []) all += chunk.toString();
  return all;
}

describe("nodeHttpFetch", () => {
  it("sends lower-case sorted headers with a byte-exact Content-Length and answers status, headers and body", async () => {
    const server = await startCaptureServer((_request, response) => {
      response.setHeader("Set-Cookie", ["a=1", "b=2"]);
      answer(response, 202, "{}", { "Retry-After": "3" });
    });
    cleanups.push(() => server.close());
    const response = await nodeHttpFetch(
      `${server.url}/x?y=1`,
      init({ method: "POST", headers: { "X-B": "2", "x-a": "1" }, body: "é" }),
    );
    expect({
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      cookies: response.headers.get("Set-Cookie"),
      missing: response.headers.get("location"),
      body: await text(response.body),
    }).toStrictEqual({
      status: 202,
      retryAfter: "3",
      cookies: "a=1, b=2",
      missing: null,
      body: "{}",
    });
    const [request] = server.requests;
    expect(request!.url).toBe("/x?y=1");
    expect(headerPairs(request!.rawHeaders).filter(([name]) => name !== "host")).toStrictEqual([
      ["content-length", "2"],
      ["x-a", "1"],
      ["x-b", "2"],
      ["connection", "keep-alive"],
    ]);
    expect(request!.body.toString("utf8")).toBe("é");
  });

  it("answers a redirect instead of following it", async () => {
    const server = await startCaptureServer((_request, response) =>
      answer(response, 302, "", { Location: "/elsewhere" }),
    );
    cleanups.push(() => server.close());
    const response = await nodeHttpFetch(`${server.url}/a`, init());
    await text(response.body);
    expect([response.status, response.headers.get("location")]).toStrictEqual([302, "/elsewhere"]);
    expect(server.requests.map((request) => request.url)).toStrictEqual(["/a"]);
  });

  it("rejects with the abort when the signal fires before the answer", async () => {
    const server = await startCaptureServer(() => {});
    cleanups.push(() => server.close());
    const controller = new AbortController();
    const sending = nodeHttpFetch(`${server.url}/`, init({ signal: controller.signal }));
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("the client over nodeHttpFetch", () => {
  it("reports a body cut short by the server as a retryable network error", async () => {
    const server = await startRawServer("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{");
    cleanups.push(() => server.close());
    const client = createApiClient({
      host: server.url,
      credentials: { api_identifier: "id", api_secret: "s" },
    });
    cleanups.push(() => client.close());
    const sending = rejection(
      client.sendReport({ type: "login", host: "h" }, { idempotencyKey: "k", reporter: "r" }),
    );
    await waitFor(() => server.requests.length === 1);
    await server.close();
    const url = `${server.url}/api/reports`;
    expect(await sending).toStrictEqual({
      message: `POST ${url}: connection reset by the server (ECONNRESET)`,
      kind: "network",
      method: "POST",
      url,
      isRetryable: true,
      code: "ECONNRESET",
    });
  });
});
