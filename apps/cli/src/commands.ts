import type { Command } from "@oclif/core";

/**
 * Every `spoor` command by id (oclif's explicit command discovery: `package.json` →
 * `oclif.commands`). Add a command with one line; keep the ids sorted.
 */
export const COMMANDS: Record<string, Command.Class> = {};
