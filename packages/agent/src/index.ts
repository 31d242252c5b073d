export { ExitCode } from "./exit-codes.js";
export {
  createLogger,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  parseLogLevel,
} from "./logger.js";
export {
  createLoginLoggingSetting,
  type LoginLoggingSetting,
  type LoginLoggingSettingOptions,
} from "./login-logging-setting.js";
export { redact } from "./redact.js";
export {
  type RunUntilSignalledOptions,
  runUntilSignalled,
  type SignalHost,
} from "./run-until-signalled.js";
export {
  disabledEventReason,
  isTransmissionEnabled,
  ORIGINAL_EVENTS,
} from "./transmission-events.js";
