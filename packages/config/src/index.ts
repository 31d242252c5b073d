export { UserFacingError } from "@spoor/errors";
export {
  checkOwnership,
  checkStats,
  type OwnershipExpectation,
  PermissionError,
  type PermissionProblem,
  type PermissionProblemKind,
} from "@spoor/safe-file";
export { apiClientOptions } from "./api-client-options.js";
export { ConfigError } from "./config-error.js";
export { type LoadConfigOptions, loadConfig } from "./load-config.js";
export { LOG_TYPES, type LogType } from "./log-type.js";
export { parseConfigText } from "./parse-config-text.js";
export { MAX_CONFIG_BYTES } from "./read-config-file.js";
export { reporterFor } from "./reporter-for.js";
export { type ResolvedDefaults, resolveDefaults } from "./resolve-defaults.js";
export { serializeConfig } from "./serialize-config.js";
export { spoolOptions } from "./spool-options.js";
export type {
  ApplicationConfig,
  ConfigFileContent,
  FollowerConfig,
  SpoorConfig,
  TransmissionConfig,
} from "./spoor-config.js";
export { validateConfig } from "./validate-config.js";
export { writeConfig } from "./write-config.js";
