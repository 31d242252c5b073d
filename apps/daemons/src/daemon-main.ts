import { parseArgs } from "node:util";
import {
  createLogger,
  type Logger,
  logIgnoredKeys,
  parseLogLevel,
  runUntilSignalled,
} from "@spoor/agent";
import { loadConfig, type SpoorConfig } from "@spoor/config";
import { startHeapTrim } from "./heap-trim.js";

/** What a daemon's body receives. */
export interface DaemonContext {
  config: SpoorConfig;
  logger: Logger;
  signal: AbortSignal;
}

/** Exit code for bad command-line arguments (EX_USAGE). */
export const EXIT_USAGE = 64;

/**
 * The shared start of every spoor daemon: parses `--config PATH` (default
 * `<root>/etc/spoor/spoor.yml`) and `--root DIR` (default `/`), logs JSON lines on stderr at
 * `SPOOR_LOG_LEVEL` (default info), loads the configuration and runs `body` under
 * `runUntilSignalled`. Exits 0 after SIGTERM/SIGINT, 78 (EX_CONFIG) for a configuration or
 * permission problem (one line naming the fix; units set `RestartPreventExitStatus=78`),
 * 64 for bad arguments, 1 for anything else. Resolves only after the exit was requested.
 * Keeps the heap trimmed while it runs (`startHeapTrim`, when started with `--expose-gc`).
 */
export async function daemonMain(
  name: string,
  body: (context: DaemonContext) => Promise<void>,
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const logger = createLogger({
    level: parseLogLevel(process.env.SPOOR_LOG_LEVEL),
    bindings: { daemon: name },
  });
  let values: { config?: string; root?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { config: { type: "string" }, root: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    logger.error(`${(error as Error).message}. Usage: ${name} [--config PATH] [--root DIR]`, {
      exitCode: EXIT_USAGE,
    });
    process.exit(EXIT_USAGE);
  }
  const heapTrim = startHeapTrim();
  try {
    await runUntilSignalled(
      async (signal) => {
        const config = await loadConfig({ path: values.config, root: values.root });
        logIgnoredKeys(config, logger);
        await body({ config, logger, signal });
      },
      { logger, timeoutMs: 5000 },
    );
  } finally {
    heapTrim?.stop();
  }
}
