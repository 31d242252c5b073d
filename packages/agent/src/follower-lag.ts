import type { Checkpoint } from "@spoor/follower";

/** What {@link followerLag} needs of the log file now at the follower's path. */
export interface LogFileFacts {
  dev: number;
  ino: number;
  size: number;
}

/**
 * Bytes of a followed log not yet read, from the follower's checkpoint and the file now at
 * its path: the bytes after the checkpoint's offset when it is still the same file (all of
 * it when it shrank: truncated), the whole new file when the log was rotated, and 0 when
 * there is no log yet or no checkpoint (a never-seen log is followed from its end). Pure;
 * never throws.
 */
export function followerLag(
  checkpoint: Checkpoint | undefined,
  file: LogFileFacts | undefined,
): number {
  if (file === undefined || checkpoint === undefined) return 0;
  const same = checkpoint.dev === file.dev && checkpoint.ino === file.ino;
  if (!same) return file.size;
  return file.size >= checkpoint.offset ? file.size - checkpoint.offset : file.size;
}
