import { redact } from "./redact.js";

/** Log severities, lowest first. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Structured fields beside a log message (redacted before writing). */
export type LogFields = Record<string, unknown>;

/** A JSON-lines logger; see {@link createLogger}. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogFields): Logger;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Where lines go (default `process.stderr`). */
  stream?: NodeJS.WritableStream;
  /** Lowest level written (default `info`). */
  level?: LogLevel;
  /** Fields added to every line (e.g. `{ component: "transmitter" }`). */
  bindings?: LogFields;
  /** Clock, for tests. */
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED = new Set(["time", "level", "msg"]);

/**
 * Creates a logger writing one JSON object per line:
 * `{"time":"2024-08-16T17:52:58.000Z","level":"info","msg":"spooled","entries":2}`.
 * Fields pass through {@link redact}, so secrets (`api_secret`, `authorization`, …) never
 * reach the stream; callers log counts and identifiers, never raw log lines. Never throws.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const minimum = RANK[options.level ?? "info"];
  const now = options.now ?? (() => new Date());
  const make = (bindings: LogFields): Logger => {
    const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
      if (RANK[level] < minimum) return;
      const line: LogFields = { time: now().toISOString(), level, msg: redact(msg) };
      for (const source of [bindings, fields ?? {}]) {
        const safe = redact(source) as LogFields;
        for (const [key, value] of Object.entries(safe)) {
          if (!RESERVED.has(key)) line[key] = value;
        }
      }
      stream.write(`${JSON.stringify(line)}\n`);
    };
    return {
      debug: (msg, fields) => write("debug", msg, fields),
      info: (msg, fields) => write("info", msg, fields),
      warn: (msg, fields) => write("warn", msg, fields),
      error: (msg, fields) => write("error", msg, fields),
      child: (extra) => make({ ...bindings, ...extra }),
    };
  };
  return make(options.bindings ?? {});
}

/** Reads a log level from text (e.g. `SPOOR_LOG_LEVEL`); unknown or missing → `fallback`. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel = "info"): LogLevel {
  return value !== undefined && value in RANK ? (value as LogLevel) : fallback;
}
