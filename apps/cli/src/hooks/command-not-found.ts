import type { Hook } from "@oclif/core";
import { toConfiguredId } from "@oclif/core";
import suggestOnTerminal from "@oclif/plugin-not-found";
import { nearestCommand } from "./nearest-command.js";

/**
 * oclif's `command_not_found` hook. On a terminal it is `@oclif/plugin-not-found`'s (which
 * asks "Did you mean report list?" and runs it on yes); otherwise (scripts, pipes, CI) it
 * prints the likely command in one line on stderr and exits 127, asking nothing.
 */
const hook: Hook.CommandNotFound = async function (options) {
  if (process.stdin.isTTY === true) return suggestOnTerminal.call(this, options);
  const typed = toConfiguredId(options.id, options.config);
  const ids = options.config.commands
    .filter((command) => !command.hidden)
    .map((command) => command.id);
  const guess = nearestCommand(options.id, ids);
  const meant =
    guess === undefined ? "" : ` Did you mean ${toConfiguredId(guess, options.config)}?`;
  process.stderr.write(
    `Error: ${typed} is not a ${options.config.bin} command.${meant} Run ${options.config.bin} help for the list.\n`,
  );
  this.exit(127);
};

export default hook;
