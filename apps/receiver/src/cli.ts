import { parseCliArgs, USAGE } from "./parse-cli-args.js";
import { createJsonLineLogger } from "./receiver-logger.js";
import { startReceiver } from "./start-receiver.js";

/**
 * `spoor-receiver`: parses the command line, starts the receiver, prints its URL on stdout
 * and stops cleanly on SIGTERM/SIGINT (exit 0; a second signal exits 1 at once). Usage errors
 * exit 2, start-up failures 1.
 */
async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`spoor-receiver: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = createJsonLineLogger(process.stderr);
  const { kind: _kind, ...options } = command;
  const receiver = await startReceiver({ ...options, logger }).catch((error: Error) => {
    const fix = (error as { fix?: unknown }).fix;
    logger.error("cannot start", { error: error.message, ...(fix ? { fix } : {}) });
    process.exitCode = 1;
    return undefined;
  });
  if (receiver === undefined) return;
  logger.info("listening", {
    url: receiver.url,
    db: options.dbPath,
    identifiers: options.credentials.length,
  });
  if (!["127.0.0.1", "::1", "localhost"].includes(options.host)) {
    logger.warn("listening beyond loopback over plain http: put TLS in front of it", {
      host: options.host,
    });
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("stopping", { signal, ...receiver.stats() });
    void receiver.close().then(() => {
      logger.info("stopped");
      process.exitCode = 0;
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // The URL comes last: whoever reads it may signal at once, and the handlers must be in place
  // (a signal before them would kill the process with the default disposition).
  process.stdout.write(`${receiver.url}\n`);
}

void main();
