import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the test server received it. */
export interface CapturedRequest {
  method: string;
  url: string;
  httpVersion: string;
  rawHeaders: string[];
  body: Buffer;
  /** Which connection carried it (1 = the first accepted). */
  connection: number;
}

/** A real HTTP server on 127.0.0.1, port 0, recording every request. */
export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  connections(): number;
  close(): Promise<void>;
}

/** Starts the server; `respond` answers each request once its body is read. */
export async function startCaptureServer(
  respond: (request: CapturedRequest, response: ServerResponse, raw: IncomingMessage) => void,
): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const ids = new WeakMap<Socket, number>();
  let connections = 0;
  const server = createServer(async (raw, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const request: CapturedRequest = {
      method: raw.method ?? "",
      url: raw.url ?? "",
      httpVersion: raw.httpVersion,
      rawHeaders: raw.rawHeaders,
      body: Buffer.concat(chunks),
      connection: ids.get(raw.socket) ?? 0,
    };
    requests.push(request);
    respond(request, response, raw);
  });
  server.on("connection", (socket: Socket) => {
    connections += 1;
    ids.set(socket, connections);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** The header pairs of a raw header list, names lower-cased, in the order sent. */
export function headerPairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    pairs.push([rawHeaders[i]!.toLowerCase(), rawHeaders[i + 1]!]);
  }
  return pairs;
}

/** Answers with a status, headers and a body. */
export function answer(
  response: ServerResponse,
  status: number,
  body = "",
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(body);
}
