import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createBasicAuthCheck, type ReceiverCredential } from "./check-basic-auth.js";
import { handleRequest } from "./handle-request.js";
import { type ReceiverLogger, silentLogger } from "./receiver-logger.js";
import { openReceiverStore, type ReceiverStats } from "./receiver-store.js";

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  /** Address to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: a free one). */
  port?: number;
  /** SQLite file, or `:memory:` (the default). */
  dbPath?: string;
  /** Accepted Basic-auth pairs (at least one). */
  credentials: readonly ReceiverCredential[];
  /** Largest report body (default 256 KiB); larger → 413. */
  maxBodyBytes?: number;
  /** Most records a list returns, newest first (default 1000). */
  listLimit?: number;
  /** Request log (default silent). */
  logger?: ReceiverLogger;
}

/** A running receiver. */
export interface Receiver {
  /** e.g. `http://127.0.0.1:43123` */
  url: string;
  port: number;
  stats(): ReceiverStats;
  /** Stops accepting, lets in-flight requests finish (≤ 5 s), closes the database. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 5000;

/**
 * Starts the local Spoor-compatible API (contract §7) on SQLite.
 *
 * @throws TypeError for missing or malformed credentials; ReceiverStorageError or SQLite
 *   errors for an unusable database; the listen error (EADDRINUSE, EACCES…).
 */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const checkAuth = createBasicAuthCheck(options.credentials);
  const logger = options.logger ?? silentLogger;
  const store = openReceiverStore(options.dbPath ?? ":memory:");
  const context = {
    store,
    checkAuth,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    listLimit: options.listLimit ?? 1000,
  };
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000 },
    (request, response) => {
      const started = performance.now();
      const remote = request.socket.remoteAddress;
      void handleRequest(context, request, response).then((outcome) => {
        const path = (request.url ?? "").split("?")[0]!.slice(0, 200);
        const fields = {
          method: request.method,
          path,
          ...outcome,
          duration_ms: Math.round((performance.now() - started) * 10) / 10,
          remote,
        };
        if (outcome.status >= 500) logger.error("request failed", fields);
        else logger.info("request", fields);
      });
    },
  );
  server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  try {
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([e]) => Promise.reject(e)),
    ]);
  } catch (error) {
    store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    stats: () => store.stats(),
    close() {
      closing ??= (async () => {
        const closed = once(server, "close");
        server.close();
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        await closed;
        clearTimeout(timer);
        store.close();
      })();
      return closing;
    },
  };
}
