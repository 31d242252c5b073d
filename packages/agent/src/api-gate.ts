import { backoffDelay } from "./backoff.js";
import type { Logger } from "./logger.js";

/** Permission to send one request; `probe` is set while the API is considered down. */
export interface GateTicket {
  probe: boolean;
}

/** Options of {@link createApiGate}. */
export interface ApiGateOptions {
  logger: Logger;
  /** First backoff ceiling (default 500 ms). */
  baseMs?: number;
  /** Largest backoff ceiling (default 60 000 ms). */
  capMs?: number;
  /** Longest `Retry-After` honoured (default 1 hour). */
  maxRetryAfterMs?: number;
  random?: () => number;
  now?: () => number;
}

/** Why the API is considered unavailable. */
export interface GateFailure {
  reason: string;
  status?: number;
  retryAfterMs?: number;
}

/**
 * The transmitter's global pause. While the API answers, every worker passes at once. After a
 * retryable failure (5xx, 429, timeout, refused or reset connection…) the whole transmitter
 * waits for a capped, fully jittered exponential backoff (or `Retry-After`, when longer),
 * then lets exactly one probe through at a time until one succeeds — so a down API is not
 * hammered once per queued file.
 */
export interface ApiGate {
  /** Resolves with a ticket once a request may be sent; `undefined` when `signal` aborts. */
  acquire(signal: AbortSignal): Promise<GateTicket | undefined>;
  /** The API answered (202 or a permanent refusal): it is up. */
  succeeded(ticket: GateTicket): void;
  /** A retryable failure: start or extend the pause. */
  failed(ticket: GateTicket, failure: GateFailure): void;
  /** The ticket was not used for a request that tells anything about the API. */
  release(ticket: GateTicket): void;
  /** Whether the API is currently considered down. */
  isDown(): boolean;
}

/** Creates an {@link ApiGate}; logs "API unavailable, retrying in Ns" once per episode
 *  (warn), each further failed probe at debug level, and "API recovered" (info). */
export function createApiGate(options: ApiGateOptions): ApiGate {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const backoff = {
    baseMs: options.baseMs ?? 500,
    capMs: options.capMs ?? 60_000,
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 3_600_000;
  let down = false;
  let attempt = 0;
  let resumeAt = 0;
  let downSince = 0;
  let probing = false;
  const waiters = new Set<() => void>();

  const notify = (): void => {
    for (const wake of [...waiters]) wake();
  };
  const wait = (ms: number | undefined, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        waiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      waiters.add(done);
      signal.addEventListener("abort", done, { once: true });
    });

  return {
    async acquire(signal) {
      while (!signal.aborted) {
        if (!down) return { probe: false };
        const pause = resumeAt - now();
        if (pause > 0) {
          await wait(pause, signal);
        } else if (!probing) {
          probing = true;
          return { probe: true };
        } else {
          await wait(undefined, signal);
        }
      }
      return undefined;
    },
    succeeded(ticket) {
      if (ticket.probe) probing = false;
      if (down) {
        down = false;
        logger.info("API recovered", { downForMs: now() - downSince, failedProbes: attempt });
        attempt = 0;
      }
      notify();
    },
    failed(ticket, failure) {
      if (ticket.probe) probing = false;
      if (down && !ticket.probe) {
        notify();
        return;
      }
      attempt = down ? attempt + 1 : 0;
      const retryAfterMs = Math.min(failure.retryAfterMs ?? 0, maxRetryAfterMs);
      const delayMs = Math.max(retryAfterMs, backoffDelay(attempt, backoff));
      resumeAt = now() + delayMs;
      const fields = { ...failure, retryInMs: delayMs, attempt };
      if (down) {
        logger.debug("API still unavailable", fields);
      } else {
        down = true;
        downSince = now();
        logger.warn(`API unavailable, retrying in ${(delayMs / 1000).toFixed(1)}s`, fields);
      }
      notify();
    },
    release(ticket) {
      if (ticket.probe) probing = false;
      notify();
    },
    isDown: () => down,
  };
}
