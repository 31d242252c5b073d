export { checkOwnership, checkStats, type OwnershipExpectation } from "./check-ownership.js";
export { formatMode } from "./format-mode.js";
export {
  NO_FOLLOW_READ,
  openRegularFile,
  openRegularFileSync,
  type RegularFileExpectation,
} from "./open-regular-file.js";
export {
  checkOwnedDirectory,
  ensureOwnedDirectory,
  OWNED_DIRECTORY_MODE,
} from "./owned-directory.js";
export { PermissionError } from "./permission-error.js";
export type { PermissionProblem, PermissionProblemKind } from "./permission-problem.js";
export { readBounded, readRegularFileSync } from "./read-bounded.js";
export { RefusedFileError, type RefusedFileReason } from "./refused-file-error.js";
export { sharedDirectoryReason } from "./shared-directory.js";
export { syncDirectory, syncFile } from "./sync-directory.js";
export { type AtomicWriteOptions, writeFileAtomic } from "./write-file-atomic.js";
export { type WriteFileOptions, writeTempFile } from "./write-temp-file.js";
