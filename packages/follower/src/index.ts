export { CheckpointError, type CheckpointProblem } from "./checkpoint-error.js";
export { type CheckpointStoreOptions, createCheckpointStore } from "./checkpoint-store.js";
export { FOLLOWER_DEFAULTS, followFile } from "./follow-file.js";
export type { FollowerNotice } from "./notice.js";
export type {
  Checkpoint,
  CheckpointStore,
  FileIdentity,
  Follower,
  FollowerOptions,
  LineBatch,
} from "./types.js";
