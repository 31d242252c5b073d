import {
  createLogger,
  createServices,
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
  /** Send what is queued now, then stop. */
  once: boolean;
  out: NodeJS.WritableStream;
}

/**
 * `spoor transmit`: the transmitter (the original's `spoor_entry_transmitter`) until
 * SIGTERM/SIGINT, or until the queue is drained with `once`; logs JSON lines on stderr.
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
    await runUntilSignalled((signal) => runTransmitter({ ...parts, signal, once: options.once }), {
      logger,
    });
  } finally {
    close();
  }
}
