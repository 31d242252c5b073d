import { Command } from "@oclif/core";
import { describeError } from "@spoor/errors";

/**
 * The base of the `spoor spool …` commands: errors are sorted by `describeError` of
 * @spoor/errors. A user-fixable error prints its problem and fix (exit 1, no stack);
 * anything else is a bug and prints its stack and where to report it (exit 1). oclif's own
 * errors (flag parsing, exit requests) are left to oclif.
 */
export abstract class SpoolCommand extends Command {
  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if ("oclif" in error) throw error;
    const described = describeError(error, {
      program: this.config.name,
      version: this.config.version,
      exitCodes: { usage: 1 },
    });
    process.stderr.write(described.text);
    return this.exit(described.exitCode);
  }
}
