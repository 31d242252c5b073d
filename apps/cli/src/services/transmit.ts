import {
  createLogger,
  createServices,
  ExitCode,
  logIgnoredKeys,
  runTransmitter,
  runUntilSignalled,
} from "@spoor/agent";
import { loadConfig } from "@spoor/config";
import type { ConfigLocation } from "../api/open-api-client.js";

/** Options of `spoor transmit`. */
export interface TransmitOptions extends ConfigLocation {
  /** Print the requests that would be sent (secrets masked) to `out`; send and move nothing. */
  dryRun: boolean;
  /** Try each entry queued now once, then stop: exit 0 only if every one was delivered. */
  once: boolean;
  out: NodeJS.WritableStream;
}

/**
 * `spoor transmit`: the transmitter (the original's `spoor_entry_transmitter`) until
 * SIGTERM/SIGINT, or with `once` after one pass over what is queued now (no pause, no retry;
 * the pass ends early when the API cannot be reached): exit 0 only if every entry was
 * delivered, 1 otherwise, with an error line of the counts. Logs JSON lines on stderr.
 * Except with `dryRun` (which returns once printed), exits the process when done.
 * @throws ConfigError, PermissionError, the spool's permission error or
 *   ApiClientConfigError (all user-fixable).
 */
export async function transmit(options: TransmitOptions): Promise<void> {
  const config = await loadConfig({ path: options.configPath, root: options.root });
  const { spool, client, reporter, close } = createServices(config);
  const logger = createLogger();
  logIgnoredKeys(config, logger);
  const parts = { config, spool, client, reporter, logger, out: options.out };
  try {
    if (options.dryRun) {
      await runTransmitter({ ...parts, signal: new AbortController().signal, dryRun: true });
      return;
    }
    await runUntilSignalled(
      async (signal) => {
        const counts = await runTransmitter({ ...parts, signal, singlePass: options.once });
        if (!options.once) return ExitCode.ok;
        const stillQueued = counts.retry + counts.aborted + counts.stuck;
        if (counts.failed + counts.quarantined + stillQueued === 0) return ExitCode.ok;
        logger.error("not every queued entry was delivered", {
          delivered: counts.transmitted,
          refused: counts.failed,
          quarantined: counts.quarantined,
          stillQueued,
        });
        return ExitCode.failure;
      },
      { logger },
    );
  } finally {
    close();
  }
}
