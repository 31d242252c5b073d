import { type SpoolEntry, SpoolFullError, type SpoolStore } from "@spoor/spool";
import { backoffDelay } from "./backoff.js";
import type { Logger } from "./logger.js";
import { sleep } from "./sleep.js";

/** Retry pacing while the spool refuses writes. */
export interface BackpressureOptions {
  /** Default 100 ms. */
  baseMs?: number;
  /** Default 1000 ms: a refused write is cheap, and the follower resumes soon after room appears. */
  capMs?: number;
}

/** Whether `error` means "the spool cannot take more now" (cap reached or disk full). */
export function isBackpressure(error: unknown): boolean {
  if (error instanceof SpoolFullError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOSPC" || code === "EDQUOT";
}

/**
 * Writes `entries` durably: one group commit normally; once the spool refuses (queue cap
 * reached, disk full) the rest goes one entry at a time as room appears, so a batch larger
 * than the free room still gets through. The caller's checkpoint does not move meanwhile, so
 * nothing is lost. Logs one warning when the pause starts (with counts) and one line when the
 * whole batch is written. Resolves `true` once all are written, `false` if `signal` aborted
 * first (the caller then must not commit). Rethrows any other write error.
 */
export async function writeWithBackpressure(
  spool: SpoolStore,
  entries: readonly SpoolEntry[],
  context: { logger: Logger; signal: AbortSignal; backoff?: BackpressureOptions },
): Promise<boolean> {
  const { logger, signal } = context;
  const pacing = { baseMs: context.backoff?.baseMs ?? 100, capMs: context.backoff?.capMs ?? 1000 };
  let done = 0;
  let attempt = 0;
  let refusals = 0;
  let pausedAt: number | undefined;
  while (done < entries.length) {
    if (signal.aborted) return false;
    const piece = pausedAt === undefined ? entries.slice(done) : entries.slice(done, done + 1);
    try {
      await spool.write(piece);
      done += piece.length;
      attempt = 0;
    } catch (error) {
      if (!isBackpressure(error)) throw error;
      refusals += 1;
      if (pausedAt === undefined) {
        pausedAt = Date.now();
        const stats = await spool.stats().catch(() => undefined);
        logger.warn("spool cannot take entries, follower paused (retrying; nothing is lost)", {
          reason: error instanceof SpoolFullError ? "queue-full" : "disk-full",
          waitingEntries: entries.length - done,
          queued: stats?.queued,
        });
        if (piece.length > 1) continue; // maybe part fits: go on entry by entry at once
      }
      attempt += 1;
      await sleep(backoffDelay(attempt, pacing), signal);
    }
  }
  if (pausedAt !== undefined) {
    logger.info("spool accepts entries again, follower resumed", {
      pausedMs: Date.now() - pausedAt,
      refusals,
    });
  }
  return true;
}
