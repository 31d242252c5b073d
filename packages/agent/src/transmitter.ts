import { setMaxListeners } from "node:events";
import type { ApiClient } from "@spoor/api-client";
import type { SpoorConfig } from "@spoor/config";
import type { SpoolStore } from "@spoor/spool";
import { createApiGate } from "./api-gate.js";
import { collectHeartbeat } from "./collect-heartbeat.js";
import { deliverFile } from "./deliver-file.js";
import type { DeliveryContext } from "./delivery-context.js";
import { printDryRun } from "./dry-run.js";
import type { Logger } from "./logger.js";
import { startPeriodicSummary } from "./periodic-summary.js";
import { createSemaphore } from "./semaphore.js";
import type { Delivery } from "./spool-moves.js";
import { startHeartbeat } from "./start-heartbeat.js";
import { createTransmitQueue } from "./transmit-queue.js";
import { watchQueue } from "./watch-queue.js";

/** Spool files handled at once (reads, moves), whatever the request concurrency. */
const LOCAL_IO_PARALLELISM = 64;

/** Options of {@link runTransmitter}. */
export interface TransmitterOptions {
  config: SpoorConfig;
  spool: SpoolStore;
  client: ApiClient;
  logger: Logger;
  signal: AbortSignal;
  /** The hostname sent as `metadata.reporter` and the entries' `host`. */
  reporter: string;
  /** Print the requests that would be sent to `out`; send and move nothing. */
  dryRun?: boolean;
  /** Where `dryRun` prints (default `process.stdout`). */
  out?: NodeJS.WritableStream;
  /** Drain what is queued now, then resolve (tests, backfill, benchmarks). */
  once?: boolean;
  /** Global pause pacing (defaults 500 ms → 60 s). */
  backoff?: { baseMs?: number; capMs?: number };
  /** Safety-net re-listing of parsed/ besides the watcher (default 30 000 ms). */
  rescanMs?: number;
  /** Retention pruning of transmitted/ (default hourly, and at start). */
  pruneIntervalMs?: number;
  /** Count summaries every … (default 60 000 ms). */
  summaryIntervalMs?: number;
  /** Heartbeats (with `transmission.heartbeat: true`) every … (default 60 000 ms). */
  heartbeatIntervalMs?: number;
}

/**
 * `spoor transmit`: sends the spooled entries, oldest first, with
 * `transmission.concurrency` requests in flight, and moves each file by the API's answer
 * (see {@link deliverFile}). Retryable failures pause the whole transmitter (see
 * `createApiGate`). New files are noticed by a directory watcher, with a slow re-listing as
 * safety net; transmitted/ is pruned at start and hourly. Resolves when `signal` aborts (in
 * flight requests are abandoned and their files stay queued) or, with `once`, when the files
 * queued at start are handled. With `transmission.heartbeat: true` (and not `once`) it also
 * sends a heartbeat every minute (see `startHeartbeat`; never fatal). Rethrows unexpected
 * spool errors.
 */
export async function runTransmitter(options: TransmitterOptions): Promise<void> {
  const { config, spool, signal } = options;
  const logger = options.logger.child({ component: "transmitter" });
  if (options.dryRun) {
    await printDryRun({ ...options, out: options.out ?? process.stdout });
    return;
  }
  const concurrency = Math.max(1, config.transmission.concurrency);
  // Requests in flight are bounded by `concurrency`; reading and moving spool files (fsyncs)
  // overlap beyond it, so local I/O latency does not throttle the API's throughput.
  const workers = Math.max(concurrency, LOCAL_IO_PARALLELISM);
  const counts: Record<Delivery, number> = {
    transmitted: 0,
    failed: 0,
    quarantined: 0,
    gone: 0,
    stuck: 0,
    retry: 0,
    aborted: 0,
  };
  const stopped = new AbortController();
  // Every worker may wait on it (queue, semaphore, gate, request): not a leak.
  setMaxListeners(workers * 4 + 16, stopped.signal);
  const stopAll = (): void => stopped.abort();
  signal.addEventListener("abort", stopAll, { once: true });
  if (signal.aborted) stopped.abort();
  let fatal: unknown;
  const queue = createTransmitQueue(spool, {
    lowWater: workers * 4,
    once: options.once === true,
    onError: (error) => logger.warn("cannot list the spool", { error }),
  });
  const gate = createApiGate({ logger, ...options.backoff });
  const context: DeliveryContext = {
    spool,
    client: options.client,
    logger,
    gate,
    requests: createSemaphore(concurrency),
    signal: stopped.signal,
    reporter: options.reporter,
    events: config.transmission.events,
  };
  const summary = startPeriodicSummary({
    logger,
    msg: "transmitter counts",
    snapshot: () => ({ ...counts }),
    intervalMs: options.summaryIntervalMs,
  });
  const watcher = options.once
    ? undefined
    : watchQueue(config.application.parsed_entries_path, {
        onChange: () => queue.refresh(),
        rescanMs: options.rescanMs ?? 30_000,
        logger,
      });
  const pruner = options.once ? undefined : startPruning(spool, logger, options.pruneIntervalMs);
  const heartbeat =
    options.once || !config.transmission.heartbeat
      ? undefined
      : startHeartbeat({
          client: options.client,
          logger,
          intervalMs: options.heartbeatIntervalMs,
          collect: () => collectHeartbeat({ config, spool, reporter: options.reporter }),
        });
  const worker = async (): Promise<void> => {
    for (;;) {
      const file = await queue.next(stopped.signal);
      if (file === undefined) return;
      let outcome: Delivery;
      try {
        outcome = await deliverFile(file, context);
      } catch (error) {
        fatal ??= error;
        stopped.abort();
        return;
      }
      counts[outcome] += 1;
      if (outcome === "retry" || outcome === "aborted") queue.retry(file);
      else if (outcome === "stuck") queue.park(file);
      else queue.done(file);
    }
  };
  logger.info("transmitting", { concurrency, once: options.once === true });
  try {
    await Promise.all(Array.from({ length: workers }, worker));
    await queue.idle();
  } finally {
    signal.removeEventListener("abort", stopAll);
    await watcher?.close();
    pruner?.stop();
    await heartbeat?.stop();
    summary.stop();
    logger.info("transmitter stopped");
  }
  if (fatal !== undefined) throw fatal;
}

function startPruning(spool: SpoolStore, logger: Logger, intervalMs = 3_600_000): { stop(): void } {
  const prune = (): void => {
    spool.prune().then(
      ({ removed, bytesFreed }) => {
        if (removed > 0) logger.info("pruned transmitted entries", { removed, bytesFreed });
      },
      (error: unknown) => logger.warn("cannot prune transmitted entries", { error }),
    );
  };
  prune();
  const timer = setInterval(prune, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
