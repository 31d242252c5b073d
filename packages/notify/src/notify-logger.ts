/** Where notify logs: the server's logger shape. Fields never carry secrets or bodies. */
export interface NotifyLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (the default). */
export const silentNotifyLogger: NotifyLogger = { info() {}, warn() {}, error() {} };
