import { type ReadContext, readAbsolutePath, readMapping } from "./field-readers.js";
import { LOG_TYPES, type LogType } from "./log-type.js";
import type { FollowerConfig } from "./spoor-config.js";

/**
 * The `followers` section: for each log type present, its `name` (an absolute path). Other
 * keys (the original's `debug`, `maxinterval`, `transformer`, `tail`) and unknown log types
 * are ignored. An unset section means no follower.
 * @throws ConfigError naming the bad key.
 */
export function validateFollowers(
  context: ReadContext,
  value: unknown,
): Partial<Record<LogType, FollowerConfig>> {
  const section = readMapping(context, "followers", value, true) ?? {};
  const followers: Partial<Record<LogType, FollowerConfig>> = {};
  for (const type of LOG_TYPES) {
    const follower = readMapping(context, `followers.${type}`, section[type], true);
    if (follower === undefined) continue;
    followers[type] = { name: readAbsolutePath(context, `followers.${type}.name`, follower.name) };
  }
  return followers;
}
