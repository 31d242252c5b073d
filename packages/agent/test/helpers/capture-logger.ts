import { PassThrough } from "node:stream";
import { createLogger, type Logger, type LogLevel } from "../../src/logger.js";

/** A real logger writing into memory, with the parsed lines at hand. */
export interface CapturedLogger {
  logger: Logger;
  lines(): Array<Record<string, unknown>>;
  messages(): string[];
  raw(): string;
}

/** Creates a {@link CapturedLogger}. */
export function captureLogger(level: LogLevel = "debug"): CapturedLogger {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const raw = () => chunks.join("");
  const lines = () =>
    raw()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    logger: createLogger({ stream, level }),
    lines,
    messages: () => lines().map((line) => String(line.msg)),
    raw,
  };
}
