import type { SpoolStore } from "@spoor/spool";
import type { AgentActivity } from "./agent-activity.js";
import type { Logger } from "./logger.js";
import { writeStatusFile } from "./status-file.js";

/** Intervals of {@link startActivityReporter} (all ms; injectable for tests). */
export interface ActivityIntervals {
  /** One info line of counts per this much activity (default 60 000). */
  summaryMs?: number;
  /** The status file is rewritten this often (default 5 000). */
  statusMs?: number;
  /** A configured log missing this long gets a warning (default 60 000). */
  missingWarnMs?: number;
  /** Deliveries failing without one success this long get a warning (default 300 000). */
  refusedWarnMs?: number;
}

/** Options of {@link startActivityReporter}. */
export interface ActivityReporterOptions extends ActivityIntervals {
  activity: AgentActivity;
  logger: Logger;
  spool: SpoolStore;
  /** Where `status.json` is written (`application.state_path`). */
  stateDirectory: string;
  now?: () => number;
}

/**
 * Reports a running agent: every `summaryMs` in which something happened, one info line
 * "agent activity" with the counts of that interval and the queue depth; a warning once per
 * episode when a configured log has been missing for `missingWarnMs` or no delivery has
 * succeeded for `refusedWarnMs` while deliveries fail; `status.json` in the state directory
 * every `statusMs` (and at once). `stop()` writes the status a last time. Never throws.
 */
export function startActivityReporter(options: ActivityReporterOptions): { stop(): Promise<void> } {
  const { activity, logger } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  let previous = { ...activity.counts };
  const warned = new Set<string>();
  let writing: Promise<void> = Promise.resolve();

  const summarise = async (): Promise<void> => {
    const counts = { ...activity.counts };
    const moved = Object.keys(counts).some(
      (key) => counts[key as keyof typeof counts] !== previous[key as keyof typeof counts],
    );
    if (!moved) return;
    const stats = await options.spool.stats().catch(() => undefined);
    logger.info("agent activity", {
      linesRead: counts.linesRead - previous.linesRead,
      entriesSpooled: counts.entriesSpooled - previous.entriesSpooled,
      delivered: counts.delivered - previous.delivered,
      failed: counts.failed - previous.failed,
      queueDepth: stats?.queued,
    });
    previous = counts;
  };
  const warn = (): void => {
    const at = now();
    for (const [type, follower] of activity.followers) {
      const key = `missing:${type}`;
      if (follower.missingSince === undefined) warned.delete(key);
      else if (
        at - follower.missingSince >= (options.missingWarnMs ?? 60_000) &&
        !warned.has(key)
      ) {
        warned.add(key);
        logger.warn("a configured log is missing; the follower waits for it", {
          type,
          path: follower.path,
          missingForMs: at - follower.missingSince,
        });
      }
    }
    if (activity.failingSince === undefined) warned.delete("refused");
    else {
      const failingMs = at - activity.failingSince;
      if (failingMs >= (options.refusedWarnMs ?? 300_000) && !warned.has("refused")) {
        warned.add("refused");
        logger.warn("the API has taken no entry for a while; entries stay queued", {
          failingForMs: failingMs,
          lastError: activity.lastError?.reason,
        });
      }
    }
  };
  const status = (): Promise<void> => {
    writing = writing
      .then(() => writeStatusFile(options, startedAt, now()))
      .catch((error: unknown) => logger.debug("cannot write the status file", { error }));
    return writing;
  };

  const timers = [
    setInterval(() => void summarise(), options.summaryMs ?? 60_000),
    setInterval(() => {
      warn();
      void status();
    }, options.statusMs ?? 5_000),
  ];
  for (const timer of timers) timer.unref();
  void status();
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await summarise();
      await status();
    },
  };
}
