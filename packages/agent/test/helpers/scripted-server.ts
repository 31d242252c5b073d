import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What the script answers: a response, `"hang"` (never answer) or `"reset"` (drop the
 *  connection without an answer). */
export type ScriptedAnswer =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | "hang"
  | "reset";

/** A real HTTP server on 127.0.0.1 whose answers a test scripts. */
export interface ScriptedServer {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Replaces the answering function. */
  script(answer: (request: ReceivedRequest, index: number) => ScriptedAnswer): void;
  close(): Promise<void>;
}

/** Starts a {@link ScriptedServer} on `port` (default 0: any free port). Answers 202 until
 *  scripted otherwise. */
export async function startScriptedServer(port = 0): Promise<ScriptedServer> {
  const requests: ReceivedRequest[] = [];
  let answer: (request: ReceivedRequest, index: number) => ScriptedAnswer = () => ({
    status: 202,
    body: "{}",
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(request);
      const reply = answer(request, requests.length - 1);
      if (reply === "hang") return;
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      const send = (): void => {
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body ?? "");
      };
      if (reply.delayMs === undefined) send();
      else setTimeout(send, reply.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    script(next) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago (for "connection refused, then the server appears"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
