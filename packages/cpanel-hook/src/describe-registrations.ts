import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "@spoor/config";
import { describeFailure } from "./describe-failure.js";
import type { HookArgs } from "./hook-args.js";
import { buildHookCommand } from "./hook-command.js";
import { CPANEL_HOOK_EVENTS, selectHookEvents } from "./hook-events.js";
import { DIAGNOSTIC_PREFIX } from "./record-hook-event.js";
import { buildRegistrations, type HookRegistration } from "./registrations.js";

/** What `--describe` needs from its surroundings. */
export interface DescribeContext {
  /** The path the script was started as (`process.argv[1]`). */
  scriptPath: string | undefined;
  /** Synchronous write to STDERR (manage_hooks echoes it as a warning). */
  writeStderr: (text: string) => void;
}

/**
 * The registrations `--describe` prints: `--all` lists every supported event; otherwise the
 * defaults plus the kinds the configuration opts into (`transmission.events`). When the
 * configuration cannot be read, a warning names why and only the defaults are described.
 * The `hook` string is `--hook-path` or the real path of the script, plus `--config PATH`
 * when one was given.
 * @throws HookPathError for a path cPanel could not run unambiguously; fs errors when the
 * script path cannot be resolved.
 */
export async function describeRegistrations(
  args: HookArgs,
  context: DescribeContext,
): Promise<HookRegistration[]> {
  const scriptPath = args.hookPath ?? realpathSync(context.scriptPath ?? "");
  const configPath = args.configPath === undefined ? undefined : resolve(args.configPath);
  const command = buildHookCommand(scriptPath, configPath);
  if (args.all) return buildRegistrations(CPANEL_HOOK_EVENTS, command);
  let optedIn: readonly string[] = [];
  try {
    const config = await loadConfig(configPath === undefined ? {} : { path: configPath });
    optedIn = config.transmission.events;
  } catch (error) {
    context.writeStderr(
      `${DIAGNOSTIC_PREFIX}configuration not read (${describeFailure(error)}); describing the default events only\n`,
    );
  }
  return buildRegistrations(selectHookEvents(optedIn), command);
}
