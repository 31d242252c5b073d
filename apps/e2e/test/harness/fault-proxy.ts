import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * How the proxy treats requests:
 * - `pass`: forwarded to the receiver, its answer returned;
 * - `503`: answered 503 without forwarding;
 * - `refuse`: the listening socket is closed (connections refused) and open ones destroyed;
 * - `reset`: the connection is destroyed as soon as a request arrives;
 * - `hang`: accepted and never answered (until the mode changes: then destroyed);
 * - `lose-response`: forwarded (the receiver stores it), then the connection is destroyed
 *   instead of answering, so the agent must retry an entry the API already holds.
 */
export type FaultMode = "pass" | "503" | "refuse" | "reset" | "hang" | "lose-response";

/** One request the proxy saw. */
export interface SeenRequest {
  mode: FaultMode;
  idempotencyKey: string | undefined;
  /** `mailbox_address` of every entry in the body (empty when it could not be read). */
  addresses: string[];
  /** The receiver's status, for forwarded requests that got an answer. */
  upstreamStatus?: number;
  at: number;
}

/** A fault-injecting HTTP proxy on 127.0.0.1 between the agent and the receiver. */
export interface FaultProxy {
  url: string;
  mode(): FaultMode;
  setMode(mode: FaultMode): Promise<void>;
  /** Every request, in arrival order. */
  requests(): readonly SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts the proxy in `pass` mode on an ephemeral port forwarding to `upstream`.
 * @throws the listen error.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 16 });
  const sockets = new Set<Socket>();
  const hanging = new Set<Socket>();
  const seen: SeenRequest[] = [];
  let mode: FaultMode = "pass";

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    entry: SeenRequest,
    onAnswer: (status: number, headers: IncomingMessage["headers"], data: Buffer) => void,
  ): void => {
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, connection: "keep-alive" },
        agent: upstreamAgent,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (chunk: Buffer) => parts.push(chunk));
        res.on("end", () => {
          entry.upstreamStatus = res.statusCode ?? 0;
          onAnswer(res.statusCode ?? 502, res.headers, Buffer.concat(parts));
        });
      },
    );
    out.on("error", () => req.socket.destroy());
    out.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const entry: SeenRequest = {
      mode,
      idempotencyKey: header(req, "idempotency-key"),
      addresses: addressesOf(body),
      at: Date.now(),
    };
    seen.push(entry);
    switch (mode) {
      case "pass":
        forward(req, body, entry, (status, headers, data) => {
          res.writeHead(status, {
            "content-type": headers["content-type"] ?? "application/json",
            "content-length": data.length,
          });
          res.end(data);
        });
        return;
      case "lose-response":
        forward(req, body, entry, () => req.socket.destroy());
        return;
      case "503":
        res.writeHead(503, { "content-type": "application/json" });
        res.end('{"error":"injected outage"}');
        return;
      case "hang":
        hanging.add(req.socket);
        return;
      default:
        req.socket.destroy();
    }
  };

  const server = createServer((req, res) => {
    if (mode === "reset") {
      seen.push({
        mode,
        idempotencyKey: header(req, "idempotency-key"),
        addresses: [],
        at: Date.now(),
      });
      req.socket.destroy();
      return;
    }
    const parts: Buffer[] = [];
    req.on("data", (chunk: Buffer) => parts.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(parts)));
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      hanging.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const destroyAll = (which: Set<Socket>): void => {
    for (const socket of [...which]) socket.destroy();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      destroyAll(hanging);
      if (next === "refuse") {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        destroyAll(sockets);
        await closed;
      } else if (previous === "refuse") {
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(port, "127.0.0.1", () => resolve());
        });
      }
    },
    requests: () => seen,
    async close() {
      destroyAll(sockets);
      upstreamAgent.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function addressesOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as {
      report?: { entries?: Array<{ mailbox_address?: unknown }> };
    };
    return (parsed.report?.entries ?? [])
      .map((entry) => entry.mailbox_address)
      .filter((address): address is string => typeof address === "string");
  } catch {
    return [];
  }
}
