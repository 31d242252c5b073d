import { CheckpointError } from "./checkpoint-error.js";
import type { Checkpoint } from "./types.js";

const FIX = "delete the checkpoint file; the follower then re-reads the log from its beginning";

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Parses a checkpoint file's text, keeping only the known fields.
 * @param file the checkpoint file (for the error)
 * @throws CheckpointError "bad-json" or "bad-shape"
 */
export function parseCheckpoint(text: string, file: string): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CheckpointError(file, "bad-json", FIX);
  }
  const v = value as Record<string, unknown> | null;
  if (
    typeof v !== "object" ||
    v === null ||
    typeof v.path !== "string" ||
    !isCount(v.dev) ||
    !isCount(v.ino) ||
    !isCount(v.offset) ||
    typeof v.updatedAt !== "string" ||
    (v.headLength !== undefined && !isCount(v.headLength)) ||
    (v.headSha256 !== undefined &&
      !(typeof v.headSha256 === "string" && /^[0-9a-f]{64}$/.test(v.headSha256))) ||
    (v.headLength === undefined) !== (v.headSha256 === undefined)
  ) {
    throw new CheckpointError(file, "bad-shape", FIX);
  }
  const checkpoint: Checkpoint = {
    path: v.path,
    dev: v.dev,
    ino: v.ino,
    offset: v.offset,
    updatedAt: v.updatedAt,
  };
  if (v.headLength !== undefined) {
    checkpoint.headLength = v.headLength as number;
    checkpoint.headSha256 = v.headSha256 as string;
  }
  return checkpoint;
}

/** The file content for a checkpoint: one JSON object and a newline. */
export function serializeCheckpoint(checkpoint: Checkpoint): string {
  return `${JSON.stringify(checkpoint)}\n`;
}
