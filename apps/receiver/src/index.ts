export type { ReceiverCredential } from "./check-basic-auth.js";
export { createJsonLineLogger, type ReceiverLogger } from "./receiver-logger.js";
export { ReceiverStorageError } from "./receiver-storage-error.js";
export type { MailboxEventRow, ReceiverStats, ReportRow } from "./receiver-store.js";
export { type Receiver, type ReceiverOptions, startReceiver } from "./start-receiver.js";
