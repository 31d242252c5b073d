import type { LogType, SpoorConfig } from "@spoor/config";
import {
  createCheckpointStore,
  type FollowerNotice,
  type FollowerOptions,
  followFile,
  type LineBatch,
} from "@spoor/follower";
import type { SpoolStore } from "@spoor/spool";
import type { AgentActivity } from "./agent-activity.js";
import { batchEntries } from "./batch-entries.js";
import { FollowerNotConfiguredError } from "./follower-not-configured-error.js";
import type { Logger } from "./logger.js";
import { createLoginLoggingSetting, type LoginLoggingSetting } from "./login-logging-setting.js";
import { startPeriodicSummary } from "./periodic-summary.js";
import { type BackpressureOptions, writeWithBackpressure } from "./spool-backpressure.js";

/** Options of {@link runFollowerPipeline}. */
export interface FollowerPipelineOptions {
  type: LogType;
  config: SpoorConfig;
  spool: SpoolStore;
  logger: Logger;
  signal: AbortSignal;
  /** Count summaries every … (default 60 000 ms). */
  summaryIntervalMs?: number;
  /** Retry pacing while the spool is full (defaults 100 ms → 1 s). */
  backpressure?: BackpressureOptions;
  /** Where the agent's reporters learn the counts and the position (`runAgent`). */
  activity?: AgentActivity;
  /** Follower tuning (defaults: the follower's). */
  follow?: Pick<FollowerOptions, "safetyPollMs" | "rotationGraceMs" | "maxLineBytes">;
}

/**
 * `spoor follow TYPE`: follows `config.followers[type].name` from its checkpoint in
 * `application.state_path`, spools the interesting lines of each batch (one group commit per
 * batch), and only then commits the batch's checkpoint. While the spool is full the same
 * batch is retried and the checkpoint stays put. The session follower spools webmail logins
 * only while cPanel's `log_successful_logins` is off (else login_log reports them), re-read
 * at most once a minute. Resolves when `signal` aborts (the current batch is either spooled
 * and committed, or left uncommitted to be read again). Throws FollowerNotConfiguredError
 * when the type has no follower, and rethrows unexpected follower or spool errors.
 */
export async function runFollowerPipeline(options: FollowerPipelineOptions): Promise<void> {
  const { type, config, spool, signal } = options;
  const follower = config.followers[type];
  if (follower === undefined) throw new FollowerNotConfiguredError(type, config.sourcePath);
  const logger = options.logger.child({ component: "follower", type });
  if (signal.aborted) return;
  const counts = { batches: 0, linesScanned: 0, entriesSpooled: 0, longLinesSkipped: 0 };
  const sessionLogins = { leftToLoginLog: 0 };
  const loginSetting =
    type === "session" ? createLoginLoggingSetting({ root: config.root, logger }) : undefined;
  const tail = followFile({
    path: follower.name,
    name: type,
    checkpoints: createCheckpointStore(config.application.state_path),
    ...options.follow,
    onNotice: (notice) => {
      logNotice(logger, notice);
      noteActivity(options.activity, type, notice);
    },
  });
  const stop = (): void => void tail.close();
  signal.addEventListener("abort", stop, { once: true });
  const summary = startPeriodicSummary({
    logger,
    msg: "follower counts",
    snapshot: () => (type === "session" ? { ...counts, ...sessionLogins } : { ...counts }),
    intervalMs: options.summaryIntervalMs,
  });
  options.activity?.following(type, follower.name);
  logger.info("following", { path: follower.name });
  try {
    for await (const batch of tail) {
      const suppressLogins = await loginsGoToLoginLog(loginSetting);
      const found = batchEntries(type, batch, {
        extraEvents: config.transmission.events,
        accept: suppressLogins ? (entry) => entry.event !== "login" : undefined,
      });
      const written =
        found.entries.length === 0 ||
        (await writeWithBackpressure(spool, found.entries, {
          logger,
          signal,
          backoff: options.backpressure,
        }));
      if (!written) break;
      await tail.commit(batch);
      count(counts, batch, found.linesScanned, found.entries.length);
      options.activity?.read(
        type,
        found.linesScanned,
        found.entries.length,
        batch.path,
        batch.checkpoint.offset,
      );
      sessionLogins.leftToLoginLog += found.rejected;
      if (signal.aborted) break;
    }
  } finally {
    signal.removeEventListener("abort", stop);
    await tail.close();
    summary.stop();
    logger.info("follower stopped", { path: follower.name });
  }
}

const WARN_NOTICES = new Set([
  "error",
  "refused",
  "truncated",
  "checkpoint-invalid",
  "checkpoint-file-gone",
]);

/** Follower notices carry paths, identities and counts, never log content. */
function logNotice(logger: Logger, { kind, ...fields }: FollowerNotice): void {
  const msg = `log ${kind}`;
  if (kind === "long-lines-skipped") logger.debug(msg, fields);
  else if (WARN_NOTICES.has(kind)) logger.warn(msg, fields);
  else logger.info(msg, fields);
}

function noteActivity(
  activity: AgentActivity | undefined,
  type: string,
  notice: FollowerNotice,
): void {
  if (activity === undefined) return;
  if (notice.kind === "missing") activity.missing(type, true);
  else if (notice.kind === "appeared") activity.missing(type, false);
  else if (notice.kind === "started") {
    activity.missing(type, false);
    activity.read(type, 0, 0, notice.path, notice.offset);
  }
}

async function loginsGoToLoginLog(setting: LoginLoggingSetting | undefined): Promise<boolean> {
  return setting === undefined ? false : setting.isOn();
}

function count(
  counts: {
    batches: number;
    linesScanned: number;
    entriesSpooled: number;
    longLinesSkipped: number;
  },
  batch: LineBatch,
  linesScanned: number,
  spooled: number,
): void {
  counts.batches += 1;
  counts.linesScanned += linesScanned;
  counts.entriesSpooled += spooled;
  counts.longLinesSkipped += batch.skippedLongLines;
}
