import type { NotifyLogger } from "./notify-logger.js";
import { silentNotifyLogger } from "./notify-logger.js";
import type { NotifyChannel } from "./notify-message.js";
import type { NotifyOutbox } from "./notify-outbox.js";
import { runChannelLoop } from "./run-channel-loop.js";
import { createWakeSignal } from "./wake-signal.js";

/** Options of {@link startNotifyWorker}. */
export interface NotifyWorkerOptions {
  outbox: NotifyOutbox;
  channels: readonly NotifyChannel[];
  /** The console's base URL, for links in messages. */
  publicUrl?: string;
  logger?: NotifyLogger;
  /** Default `Date.now`; give the outbox the same clock. */
  clock?: () => number;
  /** Default 5 s doubling per failure, capped at 15 min. */
  backoff?: { baseMs?: number; capMs?: number };
  /** A claim lasts the channel's timeout plus this; default 5000. */
  leaseGraceMs?: number;
  /** Look for due rows at least this often (rows another process enqueued); default 5000. */
  pollMs?: number;
  /** How long `close()` lets in-flight attempts finish before aborting them; default 3000. */
  closeTimeoutMs?: number;
}

/** A running worker. */
export interface NotifyWorker {
  /** Look for due rows now (call after a commit that enqueued). Never throws. */
  wake(): void;
  /**
   * Stops: in-flight attempts get `closeTimeoutMs`, then are aborted and left due for the
   * next start; then the channels are closed. Never throws.
   */
  close(): Promise<void>;
}

/**
 * Starts one delivery loop per channel over the outbox. Each loop claims due rows of its
 * channel, sends them, marks them delivered, schedules a retry with capped exponential
 * backoff and jitter, or holds them for the hourly digest (see the README). Rows claimed by
 * a process that died are claimed again when their lease ends: delivery is at-least-once.
 * Never throws; failures are logged.
 */
export function startNotifyWorker(options: NotifyWorkerOptions): NotifyWorker {
  const wake = createWakeSignal();
  const abort = new AbortController();
  let closing = false;
  const context = {
    outbox: options.outbox,
    logger: options.logger ?? silentNotifyLogger,
    clock: options.clock ?? Date.now,
    backoff: { baseMs: options.backoff?.baseMs ?? 5000, capMs: options.backoff?.capMs ?? 900_000 },
    leaseGraceMs: options.leaseGraceMs ?? 5000,
    pollMs: options.pollMs ?? 5000,
    publicUrl: options.publicUrl,
    wake,
    abort: abort.signal,
    isClosing: () => closing,
  };
  const loops = options.channels.map((channel) => runChannelLoop(channel, context));
  let closed: Promise<void> | undefined;
  return {
    wake: () => wake.wake(),
    close() {
      closed ??= (async () => {
        closing = true;
        wake.wake();
        const timer = setTimeout(() => abort.abort(), options.closeTimeoutMs ?? 3000);
        await Promise.allSettled(loops);
        clearTimeout(timer);
        await Promise.allSettled(options.channels.map((channel) => channel.close()));
      })();
      return closed;
    },
  };
}
