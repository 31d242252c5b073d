import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { type ConsoleAssets, loadConsoleAssets } from "@spoor/console";
import { type IpDatabase, loadIpDatabaseSync } from "@spoor/ip-enrichment";
import { createChannel, startNotifyWorker } from "@spoor/notify";
import { createBasicAuthCheck, type ServerCredential } from "./auth/check-basic-auth.js";
import { createCredentialStore } from "./auth/credential-store.js";
import { type ServerConfig, validateServerConfig } from "./config/validate-server-config.js";
import { createConsoleHandler } from "./console/create-console-handler.js";
import type { SessionLifetimes } from "./console/session-store.js";
import { openServerStore } from "./database/open-server-store.js";
import { handleRequest } from "./http/handle-request.js";
import { createServerContext } from "./server-context.js";
import { type ServerLogger, silentLogger } from "./server-logger.js";
import type { PruneResult } from "./store/prune-old-records.js";
import type { ServerStats } from "./store/report-store.js";

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Address to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: a free one). */
  port?: number;
  /** `sqlite:PATH`, `:memory:` (the library default) or `postgres://…`. */
  database?: string;
  /** `--credentials` pairs: every role, every host (demo and tests only). */
  credentials?: readonly ServerCredential[];
  /** The validated `server.yml` (default: every default). */
  config?: ServerConfig;
  /** Largest report body (default 256 KiB); larger → 413. */
  maxBodyBytes?: number;
  /** Records a list returns by default, newest first (default 1000). */
  listLimit?: number;
  /** Log (default silent). */
  logger?: ServerLogger;
  /** How often the agent-silent rule looks at the heartbeats (default 30 s). */
  silenceCheckMs?: number;
  /** The offline ASN database (default: loaded from its npm data package). */
  ipDatabase?: IpDatabase;
  /** Milliseconds since the epoch (tests move it). */
  clock?: () => number;
  /** Console session lifetimes (default: 30 min idle, 12 h absolute). */
  consoleSessions?: SessionLifetimes;
  /** The console's built files (default: read once from @spoor/console). */
  consoleAssets?: ConsoleAssets;
}

/** A running server. */
export interface SpoorServer {
  /** e.g. `http://127.0.0.1:43123` (https with TLS). */
  url: string;
  port: number;
  stats(): Promise<ServerStats>;
  /** Runs the agent-silent check now (the timer does it every `silenceCheckMs`). */
  checkSilence(): Promise<number>;
  /** Runs the retention pass now (the timer does it hourly): records older than retention_days. */
  prune(): Promise<PruneResult>;
  /**
   * Stops accepting, lets in-flight requests finish (≤ 4 s), lets the notification attempt
   * under way finish, closes the database.
   */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 4000;
// Loaded once per process: every server in it reads the same offline data.
let sharedIpDatabase: IpDatabase | undefined;

/**
 * Starts the spoor server (server.md): ingest, correlation, alerts, notifications, the
 * analyst API, on SQLite or PostgreSQL.
 *
 * @throws TypeError for a malformed `--credentials` identifier or database URL;
 *   ServerStorageError or SQLite errors for an unusable database; the channels' config
 *   errors; a TLS file's read error; the listen error (EADDRINUSE, EACCES…).
 */
export async function startServer(options: ServerOptions = {}): Promise<SpoorServer> {
  const logger = options.logger ?? silentLogger;
  const config = options.config ?? validateServerConfig(undefined);
  const clock = options.clock ?? Date.now;
  const store = await openServerStore(options.database ?? ":memory:", {
    channels: config.notify,
    clock,
  });
  let server: Server;
  let worker: ReturnType<typeof startNotifyWorker> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const credentials = createCredentialStore(store.credentials, () => Math.floor(clock() / 1000));
    const checkAuth = createBasicAuthCheck(options.credentials ?? [], credentials);
    worker = startNotifyWorker({
      outbox: store.outbox,
      channels: config.notify.map((channel) => createChannel(channel)),
      publicUrl: config.public_url,
      logger,
      clock,
    });
    sharedIpDatabase ??= options.ipDatabase === undefined ? loadIpDatabaseSync() : undefined;
    const ipDatabase = options.ipDatabase ?? sharedIpDatabase!;
    if (!ipDatabase.loaded)
      logger.warn("no ASN data: networks only", { reason: ipDatabase.warning });
    const context = createServerContext({
      store,
      config,
      logger,
      lookupIp: (ip) => ipDatabase.lookup(ip),
      wake: () => worker?.wake(),
      clock,
      maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
      listLimit: options.listLimit ?? 1000,
    });
    const web = createConsoleHandler({
      checkAuth,
      credentials,
      clock,
      logger,
      assets: options.consoleAssets ?? loadConsoleAssets(),
      secure: config.tls !== undefined || /^https:/i.test(config.public_url ?? ""),
      lifetimes: options.consoleSessions ?? {},
    });
    const handler: Parameters<typeof createHttpServer>[1] = (request, response) => {
      const started = performance.now();
      const remote = request.socket.remoteAddress;
      const answered = web.handles(request)
        ? web.handle(request, response)
        : handleRequest({ ...context, authenticate: web.authenticate }, request, response);
      void answered.then((outcome) => {
        const fields = {
          method: request.method,
          path: (request.url ?? "").split("?")[0]!.slice(0, 200),
          ...outcome,
          duration_ms: Math.round((performance.now() - started) * 10) / 10,
          remote,
        };
        if (outcome.status >= 500) logger.error("request failed", fields);
        else logger.info("request", fields);
      });
    };
    // An idle keep-alive connection stays 65 s: longer than an agent's pause between sends and
    // than any stall of a busy event loop, so a client seldom writes a request into a socket
    // the server is closing (that race is an ECONNRESET on the client).
    const timeouts = { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 65_000 };
    server = config.tls
      ? createHttpsServer(
          { ...timeouts, cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) },
          handler,
        )
      : createHttpServer(timeouts, handler);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([e]) => Promise.reject(e)),
    ]);
    let lastPrune = 0;
    let ticking = false;
    const tick = async () => {
      await context.checkSilence();
      // Retention once an hour (and at the first tick).
      if (clock() - lastPrune < 3_600_000) return;
      lastPrune = clock();
      const pruned = await context.prune();
      if (pruned.reports + pruned.mailbox_events + pruned.alerts > 0)
        logger.info("retention", { ...pruned });
    };
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      tick()
        .catch((error: Error) => logger.error("periodic check failed", { error: error.message }))
        .finally(() => {
          ticking = false;
        });
    }, options.silenceCheckMs ?? 30_000);
    timer.unref();
    const address = server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `${config.tls ? "https" : "http"}://${host}:${address.port}`,
      port: address.port,
      stats: () => context.reports.stats(),
      checkSilence: () => context.checkSilence(),
      prune: () => context.prune(),
      close() {
        closing ??= (async () => {
          clearInterval(timer);
          const closed = once(server, "close");
          server.close();
          server.closeIdleConnections();
          const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
          await closed;
          clearTimeout(force);
          await worker?.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    clearInterval(timer);
    await worker?.close().catch(() => undefined);
    await store.close();
    throw error;
  }
}
