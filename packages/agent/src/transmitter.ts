import { setMaxListeners } from "node:events";
import type { ApiClient } from "@spoor/api-client";
import type { SpoorConfig } from "@spoor/config";
import type { SpoolStore } from "@spoor/spool";
import type { AgentActivity } from "./agent-activity.js";
import { type ApiGate, createApiGate } from "./api-gate.js";
import { collectHeartbeat } from "./collect-heartbeat.js";
import { deliverFile } from "./deliver-file.js";
import type { DeliveryContext } from "./delivery-context.js";
import { printDryRun } from "./dry-run.js";
import type { Logger } from "./logger.js";
import { createOnceGate } from "./once-gate.js";
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
  /** Drain what is queued now (retrying as usual), then resolve (tests, benchmarks). */
  once?: boolean;
  /** `spoor transmit --once`: try each entry queued now once — no pause, no retry; the pass
   *  ends early when the API cannot be reached — then resolve (implies `once`). */
  singlePass?: boolean;
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
  /** Where the agent's reporters learn deliveries and failures (`runAgent`). */
  activity?: AgentActivity;
}

/**
 * `spoor transmit`: sends the spooled entries, oldest first, with
 * `transmission.concurrency` requests in flight, and moves each file by the API's answer
 * (see {@link deliverFile}). Retryable failures pause the whole transmitter (see
 * `createApiGate`). New files are noticed by a directory watcher, with a slow re-listing as
 * safety net; transmitted/ is pruned at start and hourly. Resolves when `signal` aborts (in
 * flight requests are abandoned and their files stay queued), with `once` when the files
 * queued at start are handled, with `singlePass` when each was tried once. With
 * `transmission.heartbeat: true` (and not `once`) it also sends a heartbeat every minute (see
 * `startHeartbeat`; never fatal). Resolves with what happened to the files (all zero for a
 * dry run); `retry` and `aborted` count files left queued. Rethrows unexpected spool errors.
 */
export async function runTransmitter(options: TransmitterOptions): Promise<TransmitterCounts> {
  const { config, spool, signal } = options;
  const singlePass = options.singlePass === true;
  const once = singlePass || options.once === true;
  const logger = options.logger.child({ component: "transmitter" });
  if (options.dryRun) {
    await printDryRun({ ...options, out: options.out ?? process.stdout });
    return emptyCounts();
  }
  const concurrency = Math.max(1, config.transmission.concurrency);
  // Requests in flight are bounded by `concurrency`; reading and moving spool files (fsyncs)
  // overlap beyond it, so local I/O latency does not throttle the API's throughput.
  const workers = Math.max(concurrency, LOCAL_IO_PARALLELISM);
  const counts = emptyCounts();
  const stopped = new AbortController();
  // Every worker may wait on it (queue, semaphore, gate, request): not a leak.
  setMaxListeners(workers * 4 + 16, stopped.signal);
  const stopAll = (): void => stopped.abort();
  signal.addEventListener("abort", stopAll, { once: true });
  if (signal.aborted) stopped.abort();
  let fatal: unknown;
  const queue = createTransmitQueue(spool, {
    lowWater: workers * 4,
    once,
    onError: (error) => logger.warn("cannot list the spool", { error }),
  });
  const gate = observeGate(
    singlePass ? createOnceGate(logger) : createApiGate({ logger, ...options.backoff }),
    options.activity,
  );
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
  const watcher = once
    ? undefined
    : watchQueue(config.application.parsed_entries_path, {
        onChange: () => queue.refresh(),
        rescanMs: options.rescanMs ?? 30_000,
        logger,
      });
  const pruner = once ? undefined : startPruning(spool, logger, options.pruneIntervalMs);
  const heartbeat =
    once || !config.transmission.heartbeat
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
      if (outcome === "transmitted") options.activity?.delivered();
      else if (outcome === "failed") {
        options.activity?.failedDelivery("refused by the API (moved to failed/)", true);
      }
      if (singlePass && (outcome === "retry" || outcome === "aborted")) queue.done(file);
      else if (outcome === "retry" || outcome === "aborted") queue.retry(file);
      else if (outcome === "stuck") queue.park(file);
      else queue.done(file);
    }
  };
  logger.info("transmitting", { concurrency, once, ...(singlePass ? { singlePass } : {}) });
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
  return counts;
}

/** What happened to the files one transmitter handled, by outcome. */
export type TransmitterCounts = Record<Delivery, number>;

function emptyCounts(): TransmitterCounts {
  return { transmitted: 0, failed: 0, quarantined: 0, gone: 0, stuck: 0, retry: 0, aborted: 0 };
}

/** The gate, telling `activity` about every failure that leaves an entry queued. */
function observeGate(gate: ApiGate, activity: AgentActivity | undefined): ApiGate {
  if (activity === undefined) return gate;
  return {
    ...gate,
    failed(ticket, failure) {
      activity.failedDelivery(failure.reason, false);
      gate.failed(ticket, failure);
    },
  };
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
