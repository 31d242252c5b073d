import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";

/**
 * Parses an archived file's bytes as JSON, as they are (any JSON value).
 * @throws SpoolFileRejectedError "bad-json" when they are not JSON.
 */
export function decodeArchived(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new SpoolFileRejectedError(path, "bad-json", bytes.length === 0 ? "empty" : "not JSON");
  }
}
