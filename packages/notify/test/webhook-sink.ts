import { createHmac, timingSafeEqual } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { waitFor } from "@spoor/test-support";

/** One request as the sink received it. */
export interface ReceivedRequest {
  at: number;
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  raw: Buffer;
  body: Record<string, unknown>;
  /** X-Spoor-Signature recomputed over the raw bytes with the sink's secret, compared in constant time. */
  signatureValid: boolean;
}

/** How the sink answers the next request: a status (and headers), or never. */
export type SinkAnswer = { status: number; headers?: Record<string, string> } | "hang";

/** A loopback webhook receiver on port 0 that checks signatures like a real receiver would. */
export interface WebhookSink {
  url: string;
  requests: ReceivedRequest[];
  /** Answers to give, in order; when empty, 200. */
  answers: SinkAnswer[];
  /** Resolves when at least `count` requests arrived (polls with a deadline). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** Stops listening (connections are refused) until `resume()`, on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

function verify(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(raw).digest("hex"));
  const given = Buffer.from(header.slice("sha256=".length));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Starts the sink (HTTPS when `tls` is given). */
export async function startWebhookSink(
  secret: string,
  tls?: { cert: string; key: string },
): Promise<WebhookSink> {
  const requests: ReceivedRequest[] = [];
  const answers: SinkAnswer[] = [];
  const hanging = new Set<ServerResponse>();
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      requests.push({
        at: Date.now(),
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        raw,
        body: JSON.parse(raw.toString("utf8")) as Record<string, unknown>,
        signatureValid: verify(raw, request.headers["x-spoor-signature"], secret),
      });
      const answer = answers.shift() ?? { status: 200 };
      if (answer === "hang") {
        hanging.add(response);
        return;
      }
      response.writeHead(answer.status, answer.headers ?? {}).end("ok");
    });
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}/hooks/spoor`,
    requests,
    answers,
    waitFor: (count, timeoutMs = 20_000) =>
      waitFor(`${count} requests at the sink`, () => requests.length >= count && requests, {
        timeoutMs,
        describe: () => `got ${requests.length}`,
      }),
    async pause() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async resume() {
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    async close() {
      if (!server.listening) return;
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
