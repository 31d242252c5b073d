export { createFileSpool } from "./file-spool.js";
export { createMemorySpool } from "./memory-spool.js";
export {
  DEFAULT_MAX_QUEUED_ENTRIES,
  DEFAULT_RETENTION,
  MAX_ENTRY_BYTES,
  SPOOL_TYPES,
} from "./spool-defaults.js";
export {
  compareSpooledFiles,
  formatSpoolFileName,
  parseSpoolFileName,
  suffixForId,
  TEMP_PREFIX,
} from "./spool-file-name.js";
export { SpoolFileRejectedError, type SpoolRejectReason } from "./spool-file-rejected-error.js";
export { SpoolFullError } from "./spool-full-error.js";
export { SpoolPermissionError } from "./spool-permission-error.js";
export type {
  ArchiveName,
  FailedFile,
  PruneResult,
  QuarantinedFile,
  RetentionOptions,
  SpoolEntry,
  SpooledFile,
  SpoolLimits,
  SpoolOptions,
  SpoolPaths,
  SpoolStats,
  SpoolStore,
  StrayFile,
} from "./spool-types.js";
export { stableId } from "./stable-id.js";
