export { type AccessEntry, parseAccessLine } from "./access.js";
export { decodeLine } from "./decode-line.js";
export type {
  EntryContext,
  EntryStatus,
  ForwardAddedRecipientEntry,
  HookEntry,
  HookEventName,
  KnownEntry,
  LoginEntry,
  LogType,
  ParsedEntry,
  UnrecognisedEntry,
} from "./entry.js";
export { type ErrorEntry, parseErrorLine } from "./error.js";
// the event catalogue, as on the subpath @spoor/parsers/events
export * from "./events.js";
export { type InterestOptions, isInteresting } from "./is-interesting.js";
export { type LineHandler, LineSplitter } from "./line-splitter.js";
export { isLogType, LOG_TYPES } from "./log-types.js";
export { parseLoginLine } from "./login.js";
export { parseLine, parserFor } from "./parse-line.js";
export { type InterestingVisitor, scanInteresting } from "./scan-interesting.js";
export { parseSessionLine } from "./session.js";
export { unescapePercent } from "./unescape-percent.js";
