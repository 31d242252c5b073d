import { describeFailure } from "./describe-failure.js";
import { describeRegistrations } from "./describe-registrations.js";
import { handlePayload, type PayloadContext } from "./handle-payload.js";
import { parseHookArgs } from "./hook-args.js";
import { HookPathError } from "./hook-path-error.js";
import { HookUsageError } from "./hook-usage-error.js";
import { DIAGNOSTIC_PREFIX } from "./record-hook-event.js";

/** Everything the hook script touches outside itself. */
export interface HookIo extends Omit<PayloadContext, "configPath"> {
  /** The arguments after the script path. */
  argv: readonly string[];
  /** The path the script was started as (`process.argv[1]`). */
  scriptPath: string | undefined;
  /** The only STDOUT writer; used for `--describe` and nothing else. */
  writeStdout: (text: string) => void;
}

/**
 * The hook script: `--describe` prints the registrations as JSON (exit 0); otherwise one
 * payload is read from STDIN and recorded. STDOUT is written only by `--describe`: for a hook
 * run it stays empty whatever happens, which cPanel reads as success without a message.
 * Exit status (ignored by cPanel): 0 recorded or deliberately skipped, 1 rejected payload or
 * failure, 2 bad command line. Never throws: unexpected errors become one diagnostic line.
 */
export async function runHook(io: HookIo): Promise<number> {
  try {
    const args = parseHookArgs(io.argv);
    if (args.describe) {
      const registrations = await describeRegistrations(args, io);
      io.writeStdout(`${JSON.stringify(registrations, null, 2)}\n`);
      return 0;
    }
    const outcome = await handlePayload({ ...io, configPath: args.configPath });
    return outcome.route === "rejected" ? 1 : 0;
  } catch (error) {
    if (error instanceof HookUsageError || error instanceof HookPathError) {
      io.writeStderr(`${DIAGNOSTIC_PREFIX}${error.message}\n`);
      return 2;
    }
    io.writeStderr(`${DIAGNOSTIC_PREFIX}internal error (${describeFailure(error)})\n`);
    return 1;
  }
}
