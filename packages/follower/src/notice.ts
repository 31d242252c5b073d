import type { FileIdentity } from "./types.js";

/**
 * What a follower reports through `onNotice`. Notices carry paths, identities, offsets and
 * counts, never log content.
 *
 * - `started`: the first file is open; reading begins at `offset` (`from` says why).
 * - `missing`: nothing at the path (at start); the follower waits for it.
 * - `appeared`: a new file is at the path; it is read from offset 0 (after the previous
 *   file is drained).
 * - `rotated`: the file being read left the path (renamed to `renamedTo` when found there,
 *   else deleted or moved elsewhere); it is drained before the next file is read.
 * - `switched`: the old file is drained and closed; `droppedTailBytes` is an unterminated
 *   last line left in it.
 * - `checkpoint-file-gone`: after a restart the checkpoint's file was found neither at the
 *   path nor under a rotated suffix; the current file is read from 0.
 * - `checkpoint-invalid`: the saved checkpoint was unreadable JSON or malformed; the current
 *   file is read from 0.
 * - `truncated`: the file shrank below the read position (`reason: "size"`) or its first
 *   bytes changed (`"content"`); it is read again from 0.
 * - `long-lines-skipped`: lines over `maxLineBytes` were dropped (counted only).
 * - `refused`: the path is a symlink, not a regular file, or owned by another user; retried.
 * - `error`: a file-system call failed (EACCES…); retried every `safetyPollMs`.
 * - `recovered`: the failing operation works again.
 */
export type FollowerNotice =
  | {
      kind: "started";
      path: string;
      file: FileIdentity;
      offset: number;
      from: "end" | "checkpoint" | "beginning";
    }
  | { kind: "missing"; path: string }
  | { kind: "appeared"; path: string; file: FileIdentity }
  | { kind: "rotated"; path: string; file: FileIdentity; renamedTo?: string }
  | {
      kind: "switched";
      path: string;
      from: FileIdentity;
      to: FileIdentity;
      drainedOffset: number;
      droppedTailBytes: number;
    }
  | { kind: "checkpoint-file-gone"; path: string; file: FileIdentity }
  | { kind: "checkpoint-invalid"; path: string; reason: string }
  | {
      kind: "truncated";
      path: string;
      file: FileIdentity;
      size: number;
      offset: number;
      reason: "size" | "content";
    }
  | { kind: "long-lines-skipped"; path: string; count: number; maxLineBytes: number }
  | { kind: "refused"; path: string; reason: "symlink" | "not-a-file" | "foreign-owner" }
  | {
      kind: "error";
      path: string;
      op: "open" | "stat" | "read" | "watch";
      code: string;
      message: string;
    }
  | { kind: "recovered"; path: string };
