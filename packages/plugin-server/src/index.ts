export { COMMANDS } from "./commands.js";
export { installServer, type ServerInstallResult } from "./install-server.js";
export { loadServer } from "./load-server.js";
export {
  renderServerUnit,
  SERVER_UNIT_NAME,
  type ServerUnitOptions,
} from "./render-server-unit.js";
export { ServerNotInstalledError } from "./server-not-installed-error.js";
