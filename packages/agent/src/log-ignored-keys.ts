import type { SpoorConfig } from "@spoor/config";
import type { Logger } from "./logger.js";

/**
 * Logs one info line naming the Perl original's keys the configuration holds and spoor
 * ignores (`followers.login.maxinterval`, …); logs nothing when there are none. Never throws.
 */
export function logIgnoredKeys(config: SpoorConfig, logger: Logger): void {
  const keys = config.ignoredKeys ?? [];
  if (keys.length === 0) return;
  logger.info("ignoring keys of the original spoor that have no effect here", {
    path: config.sourcePath,
    keys,
  });
}
