export type { ActivityIntervals } from "./activity-reporter.js";
export { AGENT_VERSION } from "./agent-version.js";
export { type CollectHeartbeatOptions, collectHeartbeat } from "./collect-heartbeat.js";
export {
  createClientFromConfig,
  createServices,
  createSpoolFromConfig,
  type Services,
} from "./create-services.js";
export { type DryRunOptions, printDryRun } from "./dry-run.js";
export { ExitCode } from "./exit-codes.js";
export { followerLag, type LogFileFacts } from "./follower-lag.js";
export { FollowerNotConfiguredError } from "./follower-not-configured-error.js";
export { type FollowerPipelineOptions, runFollowerPipeline } from "./follower-pipeline.js";
export { logIgnoredKeys } from "./log-ignored-keys.js";
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
export { type AgentOptions, runAgent } from "./run-agent.js";
export {
  type RunUntilSignalledOptions,
  runUntilSignalled,
  type SignalHost,
} from "./run-until-signalled.js";
export {
  type HeartbeatOptions,
  type RunningHeartbeat,
  startHeartbeat,
} from "./start-heartbeat.js";
export { type AgentStatus, STATUS_FILE_NAME } from "./status-file.js";
export {
  disabledEventReason,
  isTransmissionEnabled,
} from "./transmission-events.js";
export {
  runTransmitter,
  type TransmitterCounts,
  type TransmitterOptions,
} from "./transmitter.js";
