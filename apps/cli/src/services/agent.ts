import { createLogger, logIgnoredKeys, runAgent, runUntilSignalled } from "@spoor/agent";
import { loadConfig } from "@spoor/config";
import type { ConfigLocation } from "../api/open-api-client.js";

/**
 * `spoor agent`: every configured follower and the transmitter in this process until
 * SIGTERM/SIGINT; logs JSON lines on stderr. Exits the process when done (0 after a signal,
 * 78 for a configuration problem found while running, 1 otherwise; see runUntilSignalled).
 * @throws ConfigError / PermissionError (user-facing) when the configuration is refused.
 */
export async function agent(options: ConfigLocation): Promise<void> {
  const config = await loadConfig({ path: options.configPath, root: options.root });
  const logger = createLogger();
  logIgnoredKeys(config, logger);
  await runUntilSignalled((signal) => runAgent({ config, logger, signal }), { logger });
}
