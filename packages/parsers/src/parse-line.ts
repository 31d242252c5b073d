import { parseAccessLine } from "./access.js";
import type { LogType, ParsedEntry } from "./entry.js";
import { parseErrorLine } from "./error.js";
import { isLogType } from "./log-types.js";
import { parseLoginLine } from "./login.js";
import { parseSessionLine } from "./session.js";

const PARSERS: Readonly<Record<LogType, (line: string) => ParsedEntry>> = {
  access: parseAccessLine,
  error: parseErrorLine,
  login: parseLoginLine,
  session: parseSessionLine,
};

/**
 * The line parser of a log type. Each returned function takes one line (a trailing
 * `\n`/`\r\n` is ignored) and never throws for any input.
 * @throws TypeError when `type` is not one of LOG_TYPES (a programming error, not input).
 */
export function parserFor(type: LogType): (line: string) => ParsedEntry {
  if (!isLogType(type)) throw new TypeError(`unknown log type ${JSON.stringify(type)}`);
  return PARSERS[type];
}

/**
 * Parses one line of the given log into an entry holding exactly the contract §2 fields
 * that apply; `{type, event: "unrecognised"}` when the line is not understood. A trailing
 * `\n`/`\r\n` is ignored. Never throws for any line.
 * @throws TypeError when `type` is not one of LOG_TYPES (a programming error, not input).
 */
export function parseLine(type: LogType, line: string): ParsedEntry {
  return parserFor(type)(line);
}
