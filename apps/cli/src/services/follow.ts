import {
  createLogger,
  createSpoolFromConfig,
  FollowerNotConfiguredError,
  logIgnoredKeys,
  runFollowerPipeline,
  runUntilSignalled,
} from "@spoor/agent";
import { loadConfig } from "@spoor/config";
import type { ConfigLocation } from "../api/open-api-client.js";
import { checkLogType } from "./parse.js";

/** Options of `spoor follow`. */
export interface FollowOptions extends ConfigLocation {
  type: string;
}

/**
 * `spoor follow TYPE`: one follower (the original's `spoor_log_follower TYPE`) until
 * SIGTERM/SIGINT; logs JSON lines on stderr. Exits the process when done.
 * @throws UsageError for an unknown type; FollowerNotConfiguredError, ConfigError,
 *   PermissionError or the spool's permission error (all user-facing).
 */
export async function follow(options: FollowOptions): Promise<void> {
  const type = checkLogType(options.type);
  const config = await loadConfig({ path: options.configPath, root: options.root });
  if (config.followers[type] === undefined) {
    throw new FollowerNotConfiguredError(type, config.sourcePath);
  }
  const spool = createSpoolFromConfig(config);
  const logger = createLogger();
  logIgnoredKeys(config, logger);
  await runUntilSignalled(
    (signal) => runFollowerPipeline({ type, config, spool, logger, signal }),
    { logger },
  );
}
