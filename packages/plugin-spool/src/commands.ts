import type { Command } from "@oclif/core";
import SpoolList from "./commands/spool/list.js";
import SpoolPurge from "./commands/spool/purge.js";
import SpoolRetry from "./commands/spool/retry.js";
import SpoolShow from "./commands/spool/show.js";

/** The plugin's commands by id (oclif explicit discovery, `package.json` → `oclif.commands`). */
export const COMMANDS: Record<string, Command.Class> = {
  "spool:list": SpoolList,
  "spool:purge": SpoolPurge,
  "spool:retry": SpoolRetry,
  "spool:show": SpoolShow,
};
