export { COMMANDS } from "./commands.js";
export { installServer, type ServerInstallResult } from "./install-server.js";
export {
  renderServerUnit,
  SERVER_UNIT_NAME,
  type ServerUnitOptions,
} from "./render-server-unit.js";
