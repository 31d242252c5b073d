export { callFailed, resultItems } from "./call-outcome.js";
export { type DescribeContext, describeRegistrations } from "./describe-registrations.js";
export { formatErrorLogLine } from "./error-log-line.js";
export {
  handlePayload,
  type PayloadContext,
  type PayloadOutcome,
  STDIN_TIMEOUT_MS,
} from "./handle-payload.js";
export { type HookArgs, parseHookArgs } from "./hook-args.js";
export { buildHookCommand } from "./hook-command.js";
export { hookEntryId } from "./hook-entry-id.js";
export {
  CPANEL_HOOK_EVENTS,
  findHookEvent,
  type HookEventKind,
  type HookEventSpec,
  selectHookEvents,
} from "./hook-events.js";
export { HookPathError } from "./hook-path-error.js";
export { buildHookRecord, type HookRecord, type SkipReason } from "./hook-record.js";
export { hookScriptPath } from "./hook-script-path.js";
export { HookUsageError } from "./hook-usage-error.js";
export { type JsonRecord, MAX_TEXT_LENGTH } from "./json-fields.js";
export { decodePayload, type HookPayload, MAX_PAYLOAD_BYTES } from "./payload.js";
export { PayloadRejectedError, type PayloadRejection } from "./payload-rejected-error.js";
export { type BoundedRead, type ReadBoundedOptions, readBounded } from "./read-bounded.js";
export {
  DIAGNOSTIC_PREFIX,
  MAX_LINE_LENGTH,
  type RecordContext,
  type RecordOutcome,
  recordHookEvent,
} from "./record-hook-event.js";
export { buildRegistrations, type HookRegistration } from "./registrations.js";
export { type HookIo, runHook } from "./run-hook.js";
export { silenceStdout } from "./silence-stdout.js";
