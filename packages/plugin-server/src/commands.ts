import type { Command } from "@oclif/core";
import CredentialsAdd from "./commands/server/credentials/add.js";
import CredentialsList from "./commands/server/credentials/list.js";
import CredentialsRevoke from "./commands/server/credentials/revoke.js";
import ServerInstall from "./commands/server/install.js";
import Server from "./commands/server.js";

/** The plugin's commands by id (oclif explicit discovery, `package.json` → `oclif.commands`). */
export const COMMANDS: Record<string, Command.Class> = {
  server: Server,
  "server:install": ServerInstall,
  "server:credentials:add": CredentialsAdd,
  "server:credentials:list": CredentialsList,
  "server:credentials:revoke": CredentialsRevoke,
};
