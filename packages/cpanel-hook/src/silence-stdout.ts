import { Writable } from "node:stream";

const CONSOLE_METHODS = [
  "log",
  "info",
  "debug",
  "warn",
  "error",
  "trace",
  "dir",
  "dirxml",
  "table",
  "group",
  "groupCollapsed",
  "assert",
  "count",
  "time",
  "timeLog",
  "timeEnd",
] as const;

/**
 * Makes every ordinary way of printing a no-op: `process.stdout` becomes a sink that
 * discards what it is given, and the console methods do nothing. Whatever a dependency might
 * print can then never reach the cPanel user (cPanel shows a hook's STDOUT to the user and
 * reads `0`/`BAILOUT` there as failure). The caller keeps writing through file descriptors.
 * Never throws.
 */
export function silenceStdout(): void {
  const sink = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  Object.defineProperty(process, "stdout", { value: sink, configurable: false, writable: false });
  const quiet = (): void => {};
  for (const method of CONSOLE_METHODS) {
    Object.defineProperty(console, method, { value: quiet, configurable: false, writable: false });
  }
}
