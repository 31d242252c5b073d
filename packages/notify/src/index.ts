export { buildAlertDocument } from "./build-alert-document.js";
export type {
  ChannelConfigBase,
  CommandChannelConfig,
  EmailChannelConfig,
  NotifyChannelConfig,
  OutboxChannel,
  WebhookChannelConfig,
} from "./channel-config.js";
export { createChannel } from "./create-channel.js";
export { createCommandChannel } from "./create-command-channel.js";
export { createEmailChannel } from "./create-email-channel.js";
export { createMemoryOutbox, type MemoryOutbox } from "./create-memory-outbox.js";
export {
  createSqliteOutbox,
  type OutboxOptions,
  type SqliteOutbox,
} from "./create-sqlite-outbox.js";
export { createWebhookChannel } from "./create-webhook-channel.js";
export { type EmailContent, formatEmail } from "./format-email.js";
export { formatMessageText } from "./format-message-text.js";
export type { NotifyAlert, NotifyReason } from "./notify-alert.js";
export { NotifyConfigError } from "./notify-config-error.js";
export { NotifyDeliveryError } from "./notify-delivery-error.js";
export { type NotifyLogger, silentNotifyLogger } from "./notify-logger.js";
export type { NotifyChannel, NotifyItem, NotifyMessage, SendContext } from "./notify-message.js";
export type {
  ChannelWindow,
  ClaimRequest,
  EnqueueInput,
  EnqueueResult,
  NotifyOutbox,
  OutboxRow,
  OutboxState,
} from "./notify-outbox.js";
export { admittingChannels } from "./outbox-rows.js";
export { OutboxSchemaError } from "./outbox-schema-error.js";
export { DIGEST_LISTED, DIGEST_WINDOW_MS } from "./run-channel-loop.js";
export { SEVERITIES, type Severity } from "./severity.js";
export { signBody } from "./sign-body.js";
export { OUTBOX_SCHEMA_VERSION } from "./sqlite-outbox-schema.js";
export {
  type NotifyWorker,
  type NotifyWorkerOptions,
  startNotifyWorker,
} from "./start-notify-worker.js";
export { validateNotifyConfig } from "./validate-notify-config.js";
