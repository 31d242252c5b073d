import { describeError } from "@spoor/errors";
import { describeFailure } from "./describe-failure.js";
import { describeRegistrations } from "./describe-registrations.js";
import { handlePayload, type PayloadContext } from "./handle-payload.js";
import { parseHookArgs } from "./hook-args.js";
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
 * failure, 2 bad command line or unusable path. Never throws: unexpected errors become one diagnostic line.
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
    // A bad command line (HookUsageError) or a path cPanel could not run (HookPathError):
    // one line, exit 2. Anything else is a bug, named without its message.
    const described = describeError(error, { exitCodes: { user: 2, usage: 2 } });
    if (described.kind === "usage" || described.kind === "user") {
      io.writeStderr(`${DIAGNOSTIC_PREFIX}${described.line}\n`);
      return described.exitCode;
    }
    io.writeStderr(`${DIAGNOSTIC_PREFIX}internal error (${describeFailure(error)})\n`);
    return 1;
  }
}
