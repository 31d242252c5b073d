import { MAX_ENTRY_BYTES, SPOOL_TYPES } from "./spool-defaults.js";
import type { SpoolEntry } from "./spool-types.js";

/**
 * The bytes a spool file holds: compact JSON, no trailing newline (as the original wrote).
 * @throws TypeError for an entry without a non-empty string id and event, with a type the
 *   spool does not accept, or not serialisable; RangeError when over 1 MiB.
 */
export function encodeEntry(entry: SpoolEntry): Buffer {
  if (typeof entry !== "object" || entry === null) {
    throw new TypeError("a spool entry must be an object");
  }
  if (typeof entry.id !== "string" || entry.id === "") {
    throw new TypeError("a spool entry needs a non-empty string id");
  }
  if (typeof entry.type !== "string" || !SPOOL_TYPES.includes(entry.type)) {
    throw new TypeError(`a spool entry's type must be one of ${SPOOL_TYPES.join(", ")}`);
  }
  if (typeof entry.event !== "string" || entry.event === "") {
    throw new TypeError("a spool entry needs a non-empty string event");
  }
  const bytes = Buffer.from(JSON.stringify(entry), "utf8");
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw new RangeError(`a spool entry is limited to ${MAX_ENTRY_BYTES} bytes of JSON`);
  }
  return bytes;
}
