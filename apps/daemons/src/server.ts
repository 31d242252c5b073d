/** `spoor-server`: the self-hosted Spoor service (systemd unit spoor-server). */
import { parseArgs } from "node:util";
import { createJsonLineLogger, parseCredentialFlag, serveUntilSignalled } from "@spoor/server";
import { startHeapTrim } from "./heap-trim.js";

// EX_USAGE, as every daemon (daemon-main.ts; not imported: it would load the agent).
const EXIT_USAGE = 64;

const USAGE =
  "Usage: spoor-server [--config PATH] [--db sqlite:PATH|:memory:] [--listen HOST:PORT] [--credentials ID:SECRET]...";
const logger = createJsonLineLogger(process.stderr);
let args: Parameters<typeof serveUntilSignalled>[0];
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
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
  process.exit(EXIT_USAGE);
}
const heapTrim = startHeapTrim();
const code = await serveUntilSignalled(args, logger);
heapTrim?.stop();
process.exit(code);
