import type { LogType, UnrecognisedEntry } from "./entry.js";

/** `{type, event: "unrecognised"}`: a line that was not understood. Never throws. */
export function unrecognised<T extends LogType>(type: T): UnrecognisedEntry<T> {
  return { type, event: "unrecognised" };
}
