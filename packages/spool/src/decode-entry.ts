import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";
import type { SpoolEntry } from "./spool-types.js";
import { stableId } from "./stable-id.js";

/**
 * Parses a spool file's bytes. A file without an `id` (written by the Perl original) gets
 * `stableId("spool-file", name, bytes)`; a missing `type` is taken from the name.
 * @throws SpoolFileRejectedError "bad-json" when not a JSON object with a string event.
 */
export function decodeEntry(bytes: Buffer, name: string, path: string, type: string): SpoolEntry {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new SpoolFileRejectedError(path, "bad-json", bytes.length === 0 ? "empty" : "not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SpoolFileRejectedError(path, "bad-json", "not a JSON object");
  }
  const entry = value as Record<string, unknown>;
  if (typeof entry.event !== "string") {
    throw new SpoolFileRejectedError(path, "bad-json", "no event");
  }
  if (typeof entry.type !== "string") entry.type = type;
  if (typeof entry.id !== "string" || entry.id === "") {
    entry.id = stableId("spool-file", name, bytes);
  }
  return entry as SpoolEntry;
}
