import { isUserFacingError } from "@spoor/errors";
import { DEFAULT_CONFIG_PATH, loadServerConfig } from "../config/load-server-config.js";
import { DEFAULT_LISTEN, isLoopback, parseListen } from "../config/parse-listen.js";
import { ServerConfigError } from "../config/server-config-error.js";
import { DEFAULT_DATABASE } from "../database/parse-database-url.js";
import { ServerSchemaError } from "../database/server-schema-error.js";
import { ServerStorageError } from "../database/server-storage-error.js";
import type { ServerLogger } from "../server-logger.js";
import { type SpoorServer, startServer } from "../start-server.js";
import type { ServeArguments } from "./serve-arguments.js";

/** Exit status for a configuration or permission problem (EX_CONFIG): no restart helps. */
export const EXIT_CONFIG = 78;

const SHUTDOWN_LIMIT_MS = 5000;

/**
 * Runs the server the way `spoor server` and the `spoor-server` bin do: loads the config
 * (`--config`, else `/etc/spoor/server.yml` when it exists), starts the server (`--db`,
 * `--listen` over the file's values), writes the base URL as the first stdout line, logs
 * JSON lines, and on SIGTERM/SIGINT finishes in-flight requests and the current
 * notification attempt, then resolves with exit status 0 (1 if that took over 5 s or a
 * second signal came). Configuration and storage problems resolve with 78 after one
 * `cannot start` line naming the fix; other start-up failures with 1. Never rejects.
 */
export async function serveUntilSignalled(
  args: ServeArguments,
  logger: ServerLogger,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  let server: SpoorServer;
  let database: string;
  try {
    const config = loadServerConfig(args.configPath ?? DEFAULT_CONFIG_PATH, {
      optional: args.configPath === undefined,
    });
    const listen =
      args.listen !== undefined
        ? parseListen(args.listen, "--listen")
        : (config.listen ?? parseListen(DEFAULT_LISTEN));
    database = args.database ?? config.database ?? DEFAULT_DATABASE;
    server = await startServer({
      host: listen.host,
      port: listen.port,
      database,
      credentials: args.credentials,
      config,
      logger,
    });
    if (!isLoopback(listen.host) && config.tls === undefined) {
      logger.warn(
        "listening beyond loopback over plain http: configure tls or put a TLS proxy in front",
        {
          host: listen.host,
        },
      );
    }
  } catch (error) {
    const known =
      error instanceof ServerConfigError ||
      error instanceof ServerStorageError ||
      error instanceof ServerSchemaError;
    const fixable = isUserFacingError(error);
    const fix = fixable ? error.fix : undefined;
    const problem = fixable ? error.problem : (error as Error).message;
    logger.error("cannot start", { error: problem, ...(fix ? { fix } : {}) });
    return known || error instanceof TypeError ? EXIT_CONFIG : 1;
  }
  if (args.credentials.length > 0) {
    logger.warn(
      "--credentials accepts its pairs for every role and host: for demos and tests only",
      {
        identifiers: args.credentials.map((c) => c.identifier),
      },
    );
  }
  logger.info("listening", { url: server.url, db: database.replace(/\/\/[^@]*@/, "//…@") });
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return resolve(1);
      stopping = true;
      const limit = setTimeout(() => resolve(1), SHUTDOWN_LIMIT_MS);
      limit.unref();
      const stats = server.stats().catch((error: Error) => ({ stats_error: error.message }));
      void stats
        .then((counts) => {
          logger.info("stopping", { signal, ...counts });
          return server.close();
        })
        .then(() => {
          clearTimeout(limit);
          logger.info("stopped");
          resolve(0);
        });
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    // The URL comes last: whoever reads it may signal at once.
    stdout.write(`${server.url}\n`);
  });
}
