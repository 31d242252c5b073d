/** Where the server logs (the shape of `@spoor/agent`'s Logger, so one can be passed). */
export interface ServerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger writing one JSON object per line, `{"time":…,"level":…,"msg":…,…fields}`, to a
 * stream (stderr in the bin). Callers pass no secrets, headers or bodies. Never throws.
 */
export function createJsonLineLogger(stream: NodeJS.WritableStream): ServerLogger {
  const write = (level: string, msg: string, fields: Record<string, unknown> = {}) => {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
  return {
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}

/** A logger that drops everything (the library default). */
export const silentLogger: ServerLogger = { info() {}, warn() {}, error() {} };
