import type { Command } from "@oclif/core";
import Agent from "./commands/agent.js";
import AlertList from "./commands/alert/list.js";
import Backfill from "./commands/backfill.js";
import Demo from "./commands/demo.js";
import Doctor from "./commands/doctor.js";
import Follow from "./commands/follow.js";
import Install from "./commands/install.js";
import MailboxEventList from "./commands/mailbox-event/list.js";
import Parse from "./commands/parse.js";
import PluginsInstall from "./commands/plugins/install.js";
import ReportList from "./commands/report/list.js";
import Status from "./commands/status.js";
import Transmit from "./commands/transmit.js";
import Uninstall from "./commands/uninstall.js";
import Version from "./commands/version.js";

/**
 * Every `spoor` command by id (oclif's explicit command discovery: `package.json` →
 * `oclif.commands`). Add a command with one line; keep the ids sorted. Ids use
 * ":" between topic and command (oclif's internal separator; users type a space).
 */
export const COMMANDS: Record<string, Command.Class> = {
  agent: Agent,
  "alert:list": AlertList,
  backfill: Backfill,
  demo: Demo,
  doctor: Doctor,
  follow: Follow,
  install: Install,
  "mailbox-event:list": MailboxEventList,
  parse: Parse,
  "plugins:install": PluginsInstall,
  "report:list": ReportList,
  status: Status,
  transmit: Transmit,
  uninstall: Uninstall,
  version: Version,
};
