import type { LogType } from "@spoor/config";

const ACCESS_TIME = /\[\d\d\/\d\d\/\d{4}:\d\d:\d\d:\d\d [-+]\d{4}\]/;
const LOGGER_TIME = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [-+]\d{4}\]/;

/**
 * Moves a log line's own timestamp to `now` (UTC), in its log's format: access_log's
 * `[MM/DD/YYYY:HH:MM:SS -0000]`, the others' `[YYYY-MM-DD HH:MM:SS +0000]`. The line is
 * handled as latin-1 so non-UTF-8 bytes pass unchanged; a line without a timestamp (an
 * error_log continuation) is returned as it is. Never throws.
 */
export function retimeLine(type: LogType, line: Buffer, now: Date): Buffer {
  const text = line.toString("latin1");
  const pad = (value: number) => String(value).padStart(2, "0");
  const [y, mo, d, h, mi, s] = [
    now.getUTCFullYear(),
    now.getUTCMonth() + 1,
    now.getUTCDate(),
    now.getUTCHours(),
    now.getUTCMinutes(),
    now.getUTCSeconds(),
  ];
  const replaced =
    type === "access"
      ? text.replace(
          ACCESS_TIME,
          `[${pad(mo)}/${pad(d)}/${y}:${pad(h)}:${pad(mi)}:${pad(s)} -0000]`,
        )
      : text.replace(
          LOGGER_TIME,
          `[${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} +0000]`,
        );
  return Buffer.from(replaced, "latin1");
}

/** The lines of a log file's bytes, each with its "\n"; a missing final newline is added. */
export function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) {
      lines.push(Buffer.concat([bytes.subarray(start), Buffer.from("\n")]));
      break;
    }
    lines.push(bytes.subarray(start, end + 1));
    start = end + 1;
  }
  return lines;
}

/** `lines` cut into `parts` consecutive slices of near-equal length. Never throws. */
export function slices<T>(lines: readonly T[], parts: number): T[][] {
  const size = Math.ceil(lines.length / parts);
  return Array.from({ length: parts }, (_, index) => lines.slice(index * size, (index + 1) * size));
}
