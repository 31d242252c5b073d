import { FileFollower } from "./file-follower.js";
import { Notifier } from "./notifier.js";
import type { Follower, FollowerOptions } from "./types.js";

/** Defaults of the {@link FollowerOptions}. */
export const FOLLOWER_DEFAULTS = {
  maxLineBytes: 64 * 1024,
  chunkBytes: 1024 * 1024,
  safetyPollMs: 2000,
  rotationGraceMs: 5000,
  rotatedSuffixes: [".bkup"],
} as const;

/**
 * Follows one log file: yields batches of complete lines, starting at the end of a log
 * never seen before and at its checkpoint otherwise; drains a rotated file before reading
 * its successor from 0; re-reads a truncated file from 0; waits for a missing one. It starts
 * watching at once; call `close()` when done (breaking out of `for await` also closes it).
 * @throws TypeError for an empty path or name; RangeError for a size or interval that is
 *   not a positive integer (rotationGraceMs may be 0)
 */
export function followFile(options: FollowerOptions): Follower {
  if (!options.path) throw new TypeError("followFile: path is required");
  if (!options.name) throw new TypeError("followFile: name is required");
  const settings = {
    path: options.path,
    name: options.name,
    checkpoints: options.checkpoints,
    maxLineBytes: positive("maxLineBytes", options.maxLineBytes, FOLLOWER_DEFAULTS.maxLineBytes),
    chunkBytes: positive("chunkBytes", options.chunkBytes, FOLLOWER_DEFAULTS.chunkBytes),
    safetyPollMs: positive("safetyPollMs", options.safetyPollMs, FOLLOWER_DEFAULTS.safetyPollMs),
    rotationGraceMs: positive(
      "rotationGraceMs",
      options.rotationGraceMs,
      FOLLOWER_DEFAULTS.rotationGraceMs,
      0,
    ),
    rotatedSuffixes: options.rotatedSuffixes ?? FOLLOWER_DEFAULTS.rotatedSuffixes,
    owners: options.allowedOwners ?? defaultOwners(),
    notifier: new Notifier(options.onNotice),
  };
  return new FileFollower(settings);
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  const result = value ?? fallback;
  if (!Number.isSafeInteger(result) || result < min) {
    throw new RangeError(`followFile: ${name} must be an integer >= ${min}, got ${result}`);
  }
  return result;
}

function defaultOwners(): number[] {
  const euid = process.geteuid?.() ?? 0;
  return euid === 0 ? [0] : [0, euid];
}
