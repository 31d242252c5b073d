import { describeError } from "@spoor/errors";
import { ExitCode } from "./exit-codes.js";
import type { Logger } from "./logger.js";

/** The parts of `process` that {@link runUntilSignalled} uses (a stand-in in tests). */
export interface SignalHost {
  on(event: "SIGTERM" | "SIGINT", listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(event: "SIGTERM" | "SIGINT", listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/** Options of {@link runUntilSignalled}. */
export interface RunUntilSignalledOptions {
  logger: Logger;
  /** How long after the first signal `run` may take before the exit is forced (default 5000). */
  timeoutMs?: number;
  /** Default `process`. */
  host?: SignalHost;
}

/**
 * The one bounded shutdown path of every spoor process. Starts `run(signal)`; SIGTERM or
 * SIGINT aborts `signal`. When `run` resolves the process exits 0 (or with the number `run`
 * resolved with). A second signal, or
 * `timeoutMs` passing after the first, forces exit 1 with a log line. When `run` rejects:
 * a user-fixable error (`describeError` of @spoor/errors says "user": a `UserFacingError`
 * from any bundled copy) logs its message and fix and exits 78 (EX_CONFIG, no point
 * restarting); anything else logs name and message (no stack) and exits 1.
 * Resolves after `host.exit` was called (which, for the real process, never returns).
 */
export async function runUntilSignalled(
  run: (signal: AbortSignal) => Promise<unknown>,
  options: RunUntilSignalledOptions,
): Promise<void> {
  const host = options.host ?? process;
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let exited = false;
  const exit = (code: number): void => {
    if (exited) return;
    exited = true;
    if (timer !== undefined) clearTimeout(timer);
    host.removeListener("SIGTERM", onSignal);
    host.removeListener("SIGINT", onSignal);
    host.exit(code);
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (controller.signal.aborted) {
      logger.error("second signal during shutdown, forcing exit", { signal });
      exit(ExitCode.failure);
      return;
    }
    logger.info("shutting down", { signal, timeoutMs });
    controller.abort();
    timer = setTimeout(() => {
      logger.error("shutdown timed out, forcing exit", { timeoutMs });
      exit(ExitCode.failure);
    }, timeoutMs);
  }
  host.on("SIGTERM", onSignal);
  host.on("SIGINT", onSignal);
  try {
    const code = await run(controller.signal);
    exit(typeof code === "number" ? code : ExitCode.ok);
  } catch (error) {
    exit(reportFailure(error, logger));
  }
}

function reportFailure(error: unknown, logger: Logger): number {
  const described = describeError(error, { exitCodes: { user: ExitCode.config } });
  if (described.kind === "user") {
    logger.error(described.line, { error: (error as Error).name, exitCode: described.exitCode });
    return described.exitCode;
  }
  logger.error("stopped by an unexpected error", { error, exitCode: ExitCode.failure });
  return ExitCode.failure;
}
