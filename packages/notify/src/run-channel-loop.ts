import { cleanText } from "./clean-text.js";
import { NotifyDeliveryError } from "./notify-delivery-error.js";
import type { NotifyLogger } from "./notify-logger.js";
import type { NotifyChannel, NotifyMessage } from "./notify-message.js";
import type { NotifyOutbox, OutboxRow } from "./notify-outbox.js";
import { type BackoffOptions, retryDelay } from "./retry-delay.js";
import type { WakeSignal } from "./wake-signal.js";

/** The rate window of `max_per_hour`: one fixed hour from the first message sent in it. */
export const DIGEST_WINDOW_MS = 3_600_000;
/** Alerts listed by name in one digest; the rest are counted. */
export const DIGEST_LISTED = 100;
const DIGEST_CLAIM_LIMIT = 10_000;

/** What every channel loop of one worker shares. */
export interface LoopContext {
  outbox: NotifyOutbox;
  logger: NotifyLogger;
  clock: () => number;
  backoff: BackoffOptions;
  leaseGraceMs: number;
  pollMs: number;
  publicUrl: string | undefined;
  wake: WakeSignal;
  abort: AbortSignal;
  isClosing(): boolean;
}

interface ChannelState {
  failures: number;
  blockedUntil: number;
}

function messageOf(rows: OutboxRow[]): NotifyMessage {
  const [first] = rows as [OutboxRow];
  if (rows.length === 1) {
    return {
      kind: "alert",
      delivery_id: first.delivery_id,
      reason: first.reason,
      alert: first.alert,
    };
  }
  const listed = rows.slice(0, DIGEST_LISTED);
  return {
    kind: "digest",
    delivery_id: `digest-${first.delivery_id}`,
    items: listed.map((row) => ({ reason: row.reason, alert: row.alert })),
    omitted: rows.length - listed.length,
  };
}

function describe(error: unknown): NotifyDeliveryError {
  if (error instanceof NotifyDeliveryError) return error;
  return new NotifyDeliveryError("?", cleanText((error as Error)?.message ?? error, 200), false);
}

async function deliver(
  channel: NotifyChannel,
  rows: OutboxRow[],
  state: ChannelState,
  context: LoopContext,
) {
  const { outbox, logger } = context;
  const ids = rows.map((row) => row.id);
  const message = messageOf(rows);
  const facts = {
    channel: channel.name,
    delivery_id: message.delivery_id,
    alert_ids: rows.map((row) => row.alert_id),
  };
  try {
    await channel.send(message, { publicUrl: context.publicUrl, signal: context.abort });
  } catch (caught) {
    const now = context.clock();
    if (context.abort.aborted) {
      await outbox.scheduleRetry(ids, now, "interrupted by shutdown", false);
      logger.warn("notification interrupted by shutdown; it is sent on the next start", facts);
      return;
    }
    const failure = describe(caught);
    if (failure.permanent) {
      await outbox.markFailed(ids, failure.message);
      logger.error("notification failed permanently; not retried", {
        ...facts,
        error: failure.message,
      });
      return;
    }
    state.failures += 1;
    const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
    const delay = Math.min(
      context.backoff.capMs,
      Math.max(retryDelay(attempts, context.backoff), failure.retryAfterMs ?? 0),
    );
    state.blockedUntil =
      now +
      Math.min(
        context.backoff.capMs,
        Math.max(retryDelay(state.failures, context.backoff), failure.retryAfterMs ?? 0),
      );
    await outbox.scheduleRetry(ids, now + delay, failure.message, true);
    logger.warn("notification not delivered; retrying", {
      ...facts,
      attempts,
      retry_in_ms: delay,
      error: failure.message,
    });
    return;
  }
  const now = context.clock();
  await outbox.markDelivered(ids, now);
  await outbox.recordSend(channel.name, now, DIGEST_WINDOW_MS);
  if (state.failures > 0) await outbox.expedite(channel.name, now);
  state.failures = 0;
  state.blockedUntil = 0;
  logger.info("notification delivered", { ...facts, kind: message.kind });
}

/** One pass: a due digest, else one due row (sent, or held when the hour is used up). */
async function step(
  channel: NotifyChannel,
  state: ChannelState,
  context: LoopContext,
): Promise<boolean> {
  const { outbox } = context;
  const now = context.clock();
  if (now < state.blockedUntil) return false;
  const leaseMs = channel.timeoutMs + context.leaseGraceMs;
  const claim = { channel: channel.name, now, leaseMs };
  const held = await outbox.claim({ ...claim, digest: true, limit: DIGEST_CLAIM_LIMIT });
  if (held.length > 0) {
    await deliver(channel, held, state, context);
    return true;
  }
  const [row] = await outbox.claim({ ...claim, digest: false, limit: 1 });
  if (row === undefined) return false;
  const window = await outbox.readWindow(channel.name, now, DIGEST_WINDOW_MS);
  if (window.sent >= channel.maxPerHour) {
    const at = window.start + DIGEST_WINDOW_MS;
    await outbox.holdForDigest([row.id], at);
    context.logger.info("notification held for the hourly digest", {
      channel: channel.name,
      delivery_id: row.delivery_id,
      alert_ids: [row.alert_id],
      digest_at: new Date(at).toISOString(),
    });
    return true;
  }
  await deliver(channel, [row], state, context);
  return true;
}

/**
 * Delivers one channel's rows until the worker closes: sleeps until the next row is due, a
 * wake, or `pollMs`; while the channel fails, probes it no more often than its backoff.
 * Never throws: a failing outbox is logged and retried after `pollMs`.
 */
export async function runChannelLoop(channel: NotifyChannel, context: LoopContext): Promise<void> {
  const state: ChannelState = { failures: 0, blockedUntil: 0 };
  while (!context.isClosing()) {
    const generation = context.wake.generation;
    let delay = context.pollMs;
    try {
      if (await step(channel, state, context)) continue;
      const due = await context.outbox.nextDueAt(channel.name);
      const now = context.clock();
      const until = Math.max(due ?? Number.POSITIVE_INFINITY, state.blockedUntil);
      delay = Math.min(context.pollMs, Math.max(10, until - now));
    } catch (error) {
      context.logger.error("notification outbox failed; trying again", {
        channel: channel.name,
        error: cleanText((error as Error)?.message ?? error, 200),
      });
    }
    if (!context.isClosing()) await context.wake.sleep(delay, generation);
  }
}
