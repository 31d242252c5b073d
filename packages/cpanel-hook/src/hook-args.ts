import { HookUsageError } from "./hook-usage-error.js";

/** The parsed command line of the hook script. */
export interface HookArgs {
  /** `--config PATH`: the configuration to read instead of the default. */
  configPath?: string;
  /** `--describe`: print the registrations instead of handling a payload. */
  describe: boolean;
  /** `--all` (with --describe): every supported registration, whatever the configuration says. */
  all: boolean;
  /** `--hook-path PATH` (with --describe): the path to register instead of the script's own. */
  hookPath?: string;
}

const VALUED = new Set(["--config", "--hook-path"]);

/**
 * Parses the arguments after the script path. Accepts `--opt VALUE` and `--opt=VALUE`.
 * @throws HookUsageError on an unknown option, a missing value, or --all/--hook-path without
 * --describe.
 */
export function parseHookArgs(argv: readonly string[]): HookArgs {
  const args: HookArgs = { describe: false, all: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--describe" || name === "--all") {
      if (eq > 0) throw new HookUsageError(`${name} takes no value`);
      if (name === "--describe") args.describe = true;
      else args.all = true;
      continue;
    }
    if (!VALUED.has(name)) throw new HookUsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++index];
    if (value === undefined || value === "") throw new HookUsageError(`${name} needs a value`);
    if (name === "--config") args.configPath = value;
    else args.hookPath = value;
  }
  if (!args.describe && (args.all || args.hookPath !== undefined)) {
    throw new HookUsageError("--all and --hook-path only go with --describe");
  }
  return args;
}
