import { Command } from "@oclif/core";

const KNOWN = new Set(["CredentialError", "ServerConfigError", "ServerStorageError", "TypeError"]);

/**
 * The base of the `spoor server …` commands: a user-fixable error (a bad credential name, an
 * unusable config or database) prints its problem and fix and exits 1 without a stack;
 * anything else is a bug and prints its stack.
 */
export abstract class ServerCommand extends Command {
  protected override async catch(error: Error & { fix?: unknown }): Promise<unknown> {
    if ("oclif" in error) throw error;
    if (KNOWN.has(error.name)) {
      const fix = typeof error.fix === "string" ? `Fix: ${error.fix}\n` : "";
      process.stderr.write(`Error: ${error.message}\n${fix}`);
    } else {
      process.stderr.write(
        `${error.stack ?? String(error)}\n\nThis is a bug in ${this.config.name} ${this.config.version}` +
          ` (Node ${process.version}). Please report it with the command you ran.\n`,
      );
    }
    return this.exit(1);
  }
}
