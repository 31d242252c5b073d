import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { OutboxChannel } from "./channel-config.js";
import type { NotifyAlert, NotifyReason } from "./notify-alert.js";
import type {
  ChannelWindow,
  EnqueueInput,
  EnqueueResult,
  NotifyOutbox,
  OutboxRow,
  OutboxState,
} from "./notify-outbox.js";
import { admittingChannels } from "./outbox-rows.js";
import type { Severity } from "./severity.js";
import { migrateOutboxSchema } from "./sqlite-outbox-schema.js";

/** The SQLite driver: `enqueue` is synchronous and joins the caller's transaction. */
export interface SqliteOutbox extends NotifyOutbox {
  enqueue(input: EnqueueInput): EnqueueResult;
}

/** Options of {@link createSqliteOutbox} and {@link createMemoryOutbox}. */
export interface OutboxOptions {
  /** The configured channels (validated configs fit). */
  channels: readonly OutboxChannel[];
  /** Default `Date.now`. */
  clock?: () => number;
}

interface StoredRow {
  id: number;
  channel: string;
  alert_id: number;
  reason: string;
  severity: string;
  delivery_id: string;
  alert_json: string;
  state: string;
  digest: number;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
  last_error: string | null;
}

function toRow(stored: StoredRow): OutboxRow {
  return {
    id: stored.id,
    channel: stored.channel,
    alert_id: stored.alert_id,
    reason: stored.reason as NotifyReason,
    severity: stored.severity as Severity,
    delivery_id: stored.delivery_id,
    alert: JSON.parse(stored.alert_json) as NotifyAlert,
    state: stored.state as OutboxState,
    digest: stored.digest === 1,
    attempts: stored.attempts,
    next_attempt_at: stored.next_attempt_at,
    created_at: stored.created_at,
    delivered_at: stored.delivered_at,
    last_error: stored.last_error,
  };
}

const IDS = "id IN (SELECT value FROM json_each(@ids))";
const COLUMNS =
  "id, channel, alert_id, reason, severity, delivery_id, alert_json, state, digest, attempts, next_attempt_at, created_at, delivered_at, last_error";

/**
 * The outbox in the server's SQLite database (better-sqlite3). Creates or upgrades its tables
 * (`notify_outbox`, `notify_window`, `notify_schema`) on the spot.
 *
 * @throws OutboxSchemaError when the database holds a newer outbox schema; SQLite's errors
 */
export function createSqliteOutbox(db: Database.Database, options: OutboxOptions): SqliteOutbox {
  migrateOutboxSchema(db);
  const clock = options.clock ?? Date.now;
  const insert = db.prepare(
    `INSERT INTO notify_outbox (channel, alert_id, reason, severity, delivery_id, alert_json, next_attempt_at, created_at)
     VALUES (@channel, @alert_id, @reason, @severity, @delivery_id, @alert_json, @now, @now)
     ON CONFLICT (alert_id, reason, severity, channel) DO NOTHING`,
  );
  const enqueueRows = (input: EnqueueInput): EnqueueResult => {
    const channels = admittingChannels(options.channels, input);
    if (channels.length === 0) return { rows: 0 };
    const alertJson = JSON.stringify(input.alert);
    const now = clock();
    let rows = 0;
    for (const channel of channels) {
      rows += insert.run({
        channel: channel.name,
        alert_id: input.alert.id,
        reason: input.reason,
        severity: input.alert.severity,
        delivery_id: randomUUID(),
        alert_json: alertJson,
        now,
      }).changes;
    }
    return { rows };
  };
  // Inside the caller's transaction the rows simply join it (a failure throws to the caller,
  // whose transaction rolls back); alone, they get a transaction of their own.
  const enqueueAlone = db.transaction(enqueueRows);
  const claim = db.prepare(
    `UPDATE notify_outbox SET lease_until = @lease_until WHERE id IN (
       SELECT id FROM notify_outbox
       WHERE channel = @channel AND state = 'pending' AND digest = @digest
         AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
       ORDER BY next_attempt_at, id LIMIT @limit)
     RETURNING ${COLUMNS}`,
  );
  const delivered = db.prepare(
    `UPDATE notify_outbox SET state = 'delivered', delivered_at = @now, lease_until = NULL WHERE ${IDS}`,
  );
  const failed = db.prepare(
    `UPDATE notify_outbox SET state = 'failed', last_error = @error, lease_until = NULL WHERE ${IDS}`,
  );
  const retry = db.prepare(
    `UPDATE notify_outbox SET next_attempt_at = @at, lease_until = NULL,
       last_error = coalesce(@error, last_error), attempts = attempts + @failed WHERE ${IDS}`,
  );
  const expedite = db.prepare(
    `UPDATE notify_outbox SET next_attempt_at = @now WHERE channel = @channel AND state = 'pending'
       AND digest = 0 AND attempts > 0 AND next_attempt_at > @now`,
  );
  const hold = db.prepare(
    `UPDATE notify_outbox SET digest = 1, next_attempt_at = @at, lease_until = NULL WHERE ${IDS}`,
  );
  const readWindow = db.prepare(
    "SELECT window_start AS start, sent FROM notify_window WHERE channel = ?",
  );
  const writeWindow = db.prepare(
    `INSERT INTO notify_window (channel, window_start, sent) VALUES (@channel, @start, @sent)
     ON CONFLICT (channel) DO UPDATE SET window_start = excluded.window_start, sent = excluded.sent`,
  );
  const nextDue = db.prepare(
    `SELECT min(max(next_attempt_at, coalesce(lease_until, 0))) AS due FROM notify_outbox
     WHERE channel = ? AND state = 'pending'`,
  );
  const prune = db.prepare(
    "DELETE FROM notify_outbox WHERE state IN ('delivered', 'failed') AND created_at < ?",
  );
  const currentWindow = (channel: string, now: number, windowMs: number): ChannelWindow => {
    const window = readWindow.get(channel) as ChannelWindow | undefined;
    return window && now < window.start + windowMs ? window : { start: now, sent: 0 };
  };
  const recordSend = db.transaction((channel: string, now: number, windowMs: number) => {
    const window = currentWindow(channel, now, windowMs);
    const next = { start: window.start, sent: window.sent + 1 };
    writeWindow.run({ channel, ...next });
    return next;
  });
  const ids = (list: readonly number[]) => JSON.stringify(list);
  return {
    enqueue: (input) => (db.inTransaction ? enqueueRows(input) : enqueueAlone(input)),
    async claim(request) {
      const rows = claim.all({
        channel: request.channel,
        now: request.now,
        lease_until: request.now + request.leaseMs,
        digest: request.digest ? 1 : 0,
        limit: request.limit,
      }) as StoredRow[];
      return rows.map(toRow).sort((left, right) => left.id - right.id);
    },
    async markDelivered(list, now) {
      delivered.run({ ids: ids(list), now });
    },
    async markFailed(list, error) {
      failed.run({ ids: ids(list), error });
    },
    async scheduleRetry(list, at, error, wasFailure) {
      retry.run({ ids: ids(list), at, error, failed: wasFailure ? 1 : 0 });
    },
    async expedite(channel, now) {
      expedite.run({ channel, now });
    },
    async holdForDigest(list, at) {
      hold.run({ ids: ids(list), at });
    },
    async readWindow(channel, now, windowMs) {
      return currentWindow(channel, now, windowMs);
    },
    async recordSend(channel, now, windowMs) {
      return recordSend(channel, now, windowMs);
    },
    async nextDueAt(channel) {
      return (nextDue.get(channel) as { due: number | null }).due;
    },
    async list(filter = {}) {
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM notify_outbox WHERE (@channel IS NULL OR channel = @channel)
             AND (@state IS NULL OR state = @state) ORDER BY id`,
        )
        .all({ channel: filter.channel ?? null, state: filter.state ?? null }) as StoredRow[];
      return rows.map(toRow);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
