import { checkKeys } from "./check-keys.js";
import { type ReadContext, readAbsolutePath, readMapping } from "./field-readers.js";
import { LOG_TYPES, type LogType } from "./log-type.js";
import type { FollowerConfig } from "./spoor-config.js";

/** Follower keys the Perl original wrote or read (`partial_report_log`: its own tests' config)
 *  that spoor has no use for. */
const ORIGINAL_KEYS = ["debug", "maxinterval", "transformer", "tail", "partial_report_log"];

/**
 * The `followers` section: for each log type present, its `name` (an absolute path). The
 * original's `debug`, `maxinterval`, `transformer`, `tail` and `partial_report_log` are ignored (listed in
 * `context.ignoredKeys`); another key, or a log type spoor does not know, is refused. An unset
 * section means no follower.
 * @throws ConfigError naming the bad key.
 */
export function validateFollowers(
  context: ReadContext,
  value: unknown,
): Partial<Record<LogType, FollowerConfig>> {
  const section = readMapping(context, "followers", value, true) ?? {};
  checkKeys(context, "followers", section, { known: LOG_TYPES });
  const followers: Partial<Record<LogType, FollowerConfig>> = {};
  for (const type of LOG_TYPES) {
    const follower = readMapping(context, `followers.${type}`, section[type], true);
    if (follower === undefined) continue;
    checkKeys(context, `followers.${type}`, follower, { known: ["name"], ignored: ORIGINAL_KEYS });
    followers[type] = { name: readAbsolutePath(context, `followers.${type}.name`, follower.name) };
  }
  return followers;
}
