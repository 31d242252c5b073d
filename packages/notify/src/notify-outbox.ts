import type { NotifyAlert, NotifyReason } from "./notify-alert.js";
import type { Severity } from "./severity.js";

/** What the server enqueues: an alert that opened or whose severity rose. */
export interface EnqueueInput {
  alert: NotifyAlert;
  reason: NotifyReason;
}

/** How many rows (one per admitting channel) an enqueue inserted; 0 for a repeat. */
export interface EnqueueResult {
  rows: number;
}

/** `pending` until sent; `failed` after a permanent failure. */
export type OutboxState = "pending" | "delivered" | "failed";

/** One notification of one alert event on one channel. */
export interface OutboxRow {
  id: number;
  channel: string;
  alert_id: number;
  reason: NotifyReason;
  severity: Severity;
  /** Stable across retries: the `X-Spoor-Delivery` header. */
  delivery_id: string;
  /** The alert as it was at enqueue. */
  alert: NotifyAlert;
  state: OutboxState;
  /** Held back for the channel's next digest. */
  digest: boolean;
  /** Failed attempts so far. */
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
  /** A short description of the last failure, never a response body. */
  last_error: string | null;
}

/** What a worker asks for: due, unclaimed rows of one channel, held or not. */
export interface ClaimRequest {
  channel: string;
  now: number;
  /** The claim lasts until `now + leaseMs`; after that another attempt may claim the row. */
  leaseMs: number;
  digest: boolean;
  limit: number;
}

/** A channel's current rate window: `sent` messages since `start`. */
export interface ChannelWindow {
  start: number;
  sent: number;
}

/**
 * The outbox driver contract, held by one contract test suite (SQLite and memory today;
 * PostgreSQL, issue 15, implements the same). Times are milliseconds since the epoch.
 * The worker's methods are asynchronous so that a networked driver fits; `enqueue` of the
 * SQLite and memory drivers is synchronous so it runs inside the caller's transaction.
 */
export interface NotifyOutbox {
  /**
   * Inserts one row per channel whose `min_severity` the alert's severity meets; a repeat of
   * the same alert id, reason and severity inserts nothing.
   * @throws the driver's database errors
   */
  enqueue(input: EnqueueInput): EnqueueResult | Promise<EnqueueResult>;
  /** Claims due rows (oldest first) for `leaseMs`, so a crashed attempt is retried later. */
  claim(request: ClaimRequest): Promise<OutboxRow[]>;
  markDelivered(ids: readonly number[], now: number): Promise<void>;
  markFailed(ids: readonly number[], error: string): Promise<void>;
  /** Releases the claim; due again at `at`; `failed` counts one failed attempt. */
  scheduleRetry(
    ids: readonly number[],
    at: number,
    error: string | null,
    failed: boolean,
  ): Promise<void>;
  /** Pending, not held, previously failed rows of `channel` become due at `now`. */
  expedite(channel: string, now: number): Promise<void>;
  /** Releases the claim and holds the rows for the digest due at `at`. */
  holdForDigest(ids: readonly number[], at: number): Promise<void>;
  /** The channel's window, or a fresh `{start: now, sent: 0}` when the last one ended. */
  readWindow(channel: string, now: number, windowMs: number): Promise<ChannelWindow>;
  /** Counts one message sent at `now`, opening a new window when the last one ended. */
  recordSend(channel: string, now: number, windowMs: number): Promise<ChannelWindow>;
  /** When the channel's next pending row is due (claims included), or null when none is. */
  nextDueAt(channel: string): Promise<number | null>;
  /** Rows by id, for status output and tests. */
  list(filter?: { channel?: string; state?: OutboxState }): Promise<OutboxRow[]>;
  /** Deletes delivered and failed rows created before `before`; returns how many. */
  prune(before: number): Promise<number>;
}
