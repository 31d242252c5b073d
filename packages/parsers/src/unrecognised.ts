import type { LogType, UnrecognisedEntry } from "./entry.js";
import { stripLineEnd } from "./line-end.js";

/** `{type, event: "unrecognised"}`: a line that was not understood. Never throws. */
export function unrecognised<T extends LogType>(type: T): UnrecognisedEntry<T> {
  return { type, event: "unrecognised" };
}

/**
 * `parse` of `line` without its line end (see stripLineEnd); should `parse` throw, the
 * line is `unrecognised(type)`. Never throws.
 */
export function parseOrUnrecognised<T extends LogType, E>(
  type: T,
  parse: (line: string) => E,
  line: string,
): E | UnrecognisedEntry<T> {
  try {
    return parse(stripLineEnd(line));
  } catch {
    return unrecognised(type);
  }
}
