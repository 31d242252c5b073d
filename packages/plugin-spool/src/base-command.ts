import { Command } from "@oclif/core";
import { ApiClientConfigError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";
import { SpoolPermissionError } from "@spoor/spool";

/**
 * The base of the `spoor spool …` commands: a user-fixable error prints its problem and fix
 * (exit 1, no stack); anything else is a bug and prints its stack and where to report it.
 */
export abstract class SpoolCommand extends Command {
  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if ("oclif" in error) throw error;
    const fixable = userFixable(error);
    if (fixable) {
      const fix = fixable.fix === undefined ? "" : `Fix: ${fixable.fix}\n`;
      process.stderr.write(`Error: ${fixable.problem}\n${fix}`);
    } else {
      process.stderr.write(
        `${error.stack ?? String(error)}\n\nThis is a bug in ${this.config.name} ` +
          `${this.config.version} (Node ${process.version}). Please report it to the spoor ` +
          "maintainers, with the command you ran and the output above.\n",
      );
    }
    return this.exit(1);
  }
}

function userFixable(error: Error): { problem: string; fix?: string } | undefined {
  if (error instanceof UserFacingError || error instanceof SpoolPermissionError) return error;
  if (error instanceof ApiClientConfigError) return { problem: error.message, fix: error.fix };
  return undefined;
}
