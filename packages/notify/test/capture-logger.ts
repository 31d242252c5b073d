import type { NotifyLogger } from "../src/index.js";

/** A logger that keeps its lines for assertions. */
export function captureLogger(): NotifyLogger & {
  lines: { level: string; msg: string; fields: Record<string, unknown> }[];
} {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      lines.push({ level, msg, fields });
    };
  return { lines, info: at("info"), warn: at("warn"), error: at("error") };
}
