import { randomUUID } from "node:crypto";
import {
  admittingChannels,
  type EnqueueInput,
  type NotifyOutbox,
  type OutboxOptions,
  type OutboxRow,
} from "@spoor/notify";
import { changesOf, type Queryable, rowsOf } from "./queryable.js";

const COLUMNS = `id, channel, alert_id, reason, severity, delivery_id, alert_json, state, digest,
  attempts, next_attempt_at, created_at, delivered_at, last_error`;

type StoredRow = Omit<OutboxRow, "alert"> & { alert_json: string };

const toRow = ({ alert_json, ...row }: StoredRow): OutboxRow => ({
  ...row,
  alert: JSON.parse(alert_json) as OutboxRow["alert"],
});

/** Adds the rows of one alert event through `q` (the caller's transaction). @returns rows added */
export async function enqueuePg(
  q: Queryable,
  options: OutboxOptions,
  input: EnqueueInput,
): Promise<number> {
  const channels = admittingChannels(options.channels, input).map((channel) => channel.name);
  if (channels.length === 0) return 0;
  const now = (options.clock ?? Date.now)();
  return changesOf(
    q,
    `INSERT INTO notify_outbox (channel, alert_id, reason, severity, delivery_id, alert_json,
       next_attempt_at, created_at)
     SELECT c, $2, $3, $4, $5 || ':' || c, $6, $7, $7 FROM unnest($1::text[]) AS c
     ON CONFLICT (alert_id, reason, severity, channel) DO NOTHING`,
    [
      channels,
      input.alert.id,
      input.reason,
      input.alert.severity,
      randomUUID(),
      JSON.stringify(input.alert),
      now,
    ],
  );
}

/**
 * The outbox driver on PostgreSQL, shared by every server process: a claim takes due rows
 * with `FOR UPDATE SKIP LOCKED` and leases them, so one process sends each row while the
 * others pass over it; the rate window is counted in one atomic upsert.
 */
export function createPgOutbox(q: Queryable, options: OutboxOptions): NotifyOutbox {
  return {
    enqueue: async (input) => ({ rows: await enqueuePg(q, options, input) }),
    async claim(r) {
      const rows = await rowsOf<StoredRow>(
        q,
        `UPDATE notify_outbox SET lease_until = $1 WHERE id IN (
           SELECT id FROM notify_outbox
           WHERE channel = $2 AND state = 'pending' AND digest = $3 AND next_attempt_at <= $4
             AND (lease_until IS NULL OR lease_until <= $4)
           ORDER BY next_attempt_at, id LIMIT $5 FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS}`,
        [r.now + r.leaseMs, r.channel, r.digest, r.now, r.limit],
      );
      return rows.map(toRow).sort((left, right) => left.id - right.id);
    },
    async markDelivered(ids, now) {
      await changesOf(
        q,
        "UPDATE notify_outbox SET state = 'delivered', delivered_at = $1, lease_until = NULL WHERE id = ANY($2)",
        [now, [...ids]],
      );
    },
    async markFailed(ids, error) {
      await changesOf(
        q,
        "UPDATE notify_outbox SET state = 'failed', last_error = $1, lease_until = NULL WHERE id = ANY($2)",
        [error, [...ids]],
      );
    },
    async scheduleRetry(ids, at, error, failed) {
      await changesOf(
        q,
        `UPDATE notify_outbox SET next_attempt_at = $1, lease_until = NULL,
           last_error = coalesce($2, last_error), attempts = attempts + $3 WHERE id = ANY($4)`,
        [at, error, failed ? 1 : 0, [...ids]],
      );
    },
    async expedite(channel, now) {
      await changesOf(
        q,
        `UPDATE notify_outbox SET next_attempt_at = $1 WHERE channel = $2 AND state = 'pending'
           AND NOT digest AND attempts > 0 AND next_attempt_at > $1`,
        [now, channel],
      );
    },
    async holdForDigest(ids, at) {
      await changesOf(
        q,
        "UPDATE notify_outbox SET digest = true, next_attempt_at = $1, lease_until = NULL WHERE id = ANY($2)",
        [at, [...ids]],
      );
    },
    async readWindow(channel, now, windowMs) {
      const [row] = await rowsOf<{ start: number; sent: number }>(
        q,
        "SELECT window_start AS start, sent FROM notify_window WHERE channel = $1",
        [channel],
      );
      return row && now < row.start + windowMs ? row : { start: now, sent: 0 };
    },
    async recordSend(channel, now, windowMs) {
      const [row] = await rowsOf<{ start: number; sent: number }>(
        q,
        `INSERT INTO notify_window AS w (channel, window_start, sent) VALUES ($1, $2, 1)
         ON CONFLICT (channel) DO UPDATE SET
           window_start = CASE WHEN $2 < w.window_start + $3 THEN w.window_start ELSE $2 END,
           sent = CASE WHEN $2 < w.window_start + $3 THEN w.sent + 1 ELSE 1 END
         RETURNING window_start AS start, sent`,
        [channel, now, windowMs],
      );
      return row!;
    },
    async nextDueAt(channel) {
      const [row] = await rowsOf<{ due: number | null }>(
        q,
        `SELECT min(greatest(next_attempt_at, coalesce(lease_until, 0))) AS due FROM notify_outbox
         WHERE channel = $1 AND state = 'pending'`,
        [channel],
      );
      return row?.due ?? null;
    },
    async list(filter = {}) {
      const rows = await rowsOf<StoredRow>(
        q,
        `SELECT ${COLUMNS} FROM notify_outbox WHERE ($1::text IS NULL OR channel = $1)
           AND ($2::text IS NULL OR state = $2) ORDER BY id`,
        [filter.channel ?? null, filter.state ?? null],
      );
      return rows.map(toRow);
    },
    prune: (before) =>
      changesOf(
        q,
        "DELETE FROM notify_outbox WHERE state IN ('delivered', 'failed') AND created_at < $1",
        [before],
      ),
  };
}
