export { type BootOptions, bootSystemd, DEFAULT_MASKS } from "./boot-systemd.js";
export { CommandFailedError } from "./command-failed-error.js";
export type { ProcessResult } from "./run-process.js";
export { SystemdBootError } from "./systemd-boot-error.js";
export {
  CONTAINER_ENV,
  type ExecOptions,
  parseShow,
  type SystemdContainer,
} from "./systemd-container.js";
export { waitUntil } from "./wait-until.js";
