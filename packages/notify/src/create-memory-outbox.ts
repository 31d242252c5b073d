import { randomUUID } from "node:crypto";
import type { OutboxOptions } from "./create-sqlite-outbox.js";
import type {
  ChannelWindow,
  EnqueueInput,
  EnqueueResult,
  NotifyOutbox,
  OutboxRow,
} from "./notify-outbox.js";
import { admittingChannels, byDueThenId, eventKey } from "./outbox-rows.js";

/** The in-memory driver: `enqueue` is synchronous, like SQLite's. */
export interface MemoryOutbox extends NotifyOutbox {
  enqueue(input: EnqueueInput): EnqueueResult;
}

interface MemoryRow extends OutboxRow {
  lease_until: number | null;
}

function publicRow({ lease_until: _lease, ...row }: MemoryRow): OutboxRow {
  return structuredClone(row);
}

/**
 * An outbox that lives in this process only (tests, the demo): the same contract as the
 * SQLite driver, lost on exit. Never throws except for an unknown reason or severity.
 */
export function createMemoryOutbox(options: OutboxOptions): MemoryOutbox {
  const clock = options.clock ?? Date.now;
  const rows = new Map<number, MemoryRow>();
  const keys = new Set<string>();
  const windows = new Map<string, ChannelWindow>();
  let lastId = 0;
  const each = (ids: readonly number[], change: (row: MemoryRow) => void) => {
    for (const id of ids) {
      const row = rows.get(id);
      if (row) change(row);
    }
  };
  const currentWindow = (channel: string, now: number, windowMs: number): ChannelWindow => {
    const window = windows.get(channel);
    return window && now < window.start + windowMs ? { ...window } : { start: now, sent: 0 };
  };
  return {
    enqueue(input) {
      const channels = admittingChannels(options.channels, input);
      const now = clock();
      let inserted = 0;
      for (const channel of channels) {
        const key = eventKey(channel.name, input);
        if (keys.has(key)) continue;
        keys.add(key);
        lastId += 1;
        inserted += 1;
        rows.set(lastId, {
          id: lastId,
          channel: channel.name,
          alert_id: input.alert.id,
          reason: input.reason,
          severity: input.alert.severity,
          delivery_id: randomUUID(),
          alert: structuredClone(input.alert),
          state: "pending",
          digest: false,
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
          delivered_at: null,
          last_error: null,
          lease_until: null,
        });
      }
      return { rows: inserted };
    },
    async claim(request) {
      const due = [...rows.values()]
        .filter(
          (row) =>
            row.channel === request.channel &&
            row.state === "pending" &&
            row.digest === request.digest &&
            row.next_attempt_at <= request.now &&
            (row.lease_until === null || row.lease_until <= request.now),
        )
        .sort(byDueThenId)
        .slice(0, request.limit);
      for (const row of due) row.lease_until = request.now + request.leaseMs;
      return due.map(publicRow).sort((left, right) => left.id - right.id);
    },
    async markDelivered(ids, now) {
      each(ids, (row) =>
        Object.assign(row, { state: "delivered", delivered_at: now, lease_until: null }),
      );
    },
    async markFailed(ids, error) {
      each(ids, (row) =>
        Object.assign(row, { state: "failed", last_error: error, lease_until: null }),
      );
    },
    async scheduleRetry(ids, at, error, failed) {
      each(ids, (row) => {
        row.next_attempt_at = at;
        row.lease_until = null;
        if (error !== null) row.last_error = error;
        if (failed) row.attempts += 1;
      });
    },
    async expedite(channel, now) {
      for (const row of rows.values()) {
        if (row.channel !== channel || row.state !== "pending" || row.digest) continue;
        if (row.attempts > 0 && row.next_attempt_at > now) row.next_attempt_at = now;
      }
    },
    async holdForDigest(ids, at) {
      each(ids, (row) =>
        Object.assign(row, { digest: true, next_attempt_at: at, lease_until: null }),
      );
    },
    async readWindow(channel, now, windowMs) {
      return currentWindow(channel, now, windowMs);
    },
    async recordSend(channel, now, windowMs) {
      const window = currentWindow(channel, now, windowMs);
      const next = { start: window.start, sent: window.sent + 1 };
      windows.set(channel, next);
      return { ...next };
    },
    async nextDueAt(channel) {
      let due: number | null = null;
      for (const row of rows.values()) {
        if (row.channel !== channel || row.state !== "pending") continue;
        const at = Math.max(row.next_attempt_at, row.lease_until ?? 0);
        if (due === null || at < due) due = at;
      }
      return due;
    },
    async list(filter = {}) {
      return [...rows.values()]
        .filter((row) => (filter.channel ?? row.channel) === row.channel)
        .filter((row) => (filter.state ?? row.state) === row.state)
        .map(publicRow);
    },
    async prune(before) {
      let removed = 0;
      for (const row of [...rows.values()]) {
        if (row.state !== "pending" && row.created_at < before) {
          rows.delete(row.id);
          keys.delete(eventKey(row.channel, { alert: row.alert, reason: row.reason }));
          removed += 1;
        }
      }
      return removed;
    },
  };
}
