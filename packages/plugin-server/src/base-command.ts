import { Command } from "@oclif/core";
import { isUserFacingError } from "@spoor/errors";

/**
 * The base of the `spoor server …` commands: a user-fixable error (a bad credential name, an
 * unusable config or database, a malformed --db URL) prints its problem and fix and exits 1
 * without a stack; anything else is a bug and prints its stack.
 */
export abstract class ServerCommand extends Command {
  protected override async catch(error: Error): Promise<unknown> {
    if ("oclif" in error) throw error;
    if (isUserFacingError(error)) {
      const fix = error.fix === undefined ? "" : `Fix: ${error.fix}\n`;
      process.stderr.write(`Error: ${error.problem}\n${fix}`);
    } else if (error.name === "TypeError" && /database|credentials/.test(error.message)) {
      process.stderr.write(`Error: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${error.stack ?? String(error)}\n\nThis is a bug in ${this.config.name} ${this.config.version}` +
          ` (Node ${process.version}). Please report it with the command you ran.\n`,
      );
    }
    return this.exit(1);
  }
}
