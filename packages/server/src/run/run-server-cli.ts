import { parseArgs } from "node:util";
import { createJsonLineLogger } from "../server-logger.js";
import { parseCredentialFlag, type ServeArguments } from "./serve-arguments.js";
import { serveUntilSignalled } from "./serve-until-signalled.js";

/** EX_USAGE, as every spoor daemon. */
export const EXIT_USAGE = 64;

const USAGE =
  "Usage: spoor-server [--config PATH] [--db sqlite:PATH|:memory:|postgres://…] [--listen HOST:PORT] [--credentials ID:SECRET]...";

/**
 * `spoor-server ARGS…`: parses the flags, serves until SIGTERM/SIGINT and resolves with the
 * exit code (0 after a signal, {@link EXIT_USAGE} for a bad flag — one JSON log line naming
 * it — or what {@link serveUntilSignalled} returns). Never throws.
 */
export async function runServerCli(argv: readonly string[]): Promise<number> {
  const logger = createJsonLineLogger(process.stderr);
  let args: ServeArguments;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: "string" },
        db: { type: "string" },
        listen: { type: "string" },
        credentials: { type: "string", multiple: true },
      },
      strict: true,
      allowPositionals: false,
    });
    args = {
      configPath: values.config,
      database: values.db,
      listen: values.listen,
      credentials: (values.credentials ?? []).map(parseCredentialFlag),
    };
  } catch (error) {
    logger.error(`${(error as Error).message}. ${USAGE}`, { exitCode: EXIT_USAGE });
    return EXIT_USAGE;
  }
  return serveUntilSignalled(args, logger);
}
