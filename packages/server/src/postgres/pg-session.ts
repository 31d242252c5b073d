import type { OutboxOptions } from "@spoor/notify";
import type { StoreSession } from "../store/server-store.js";
import { createPgAlertStore } from "./pg-alert-store.js";
import { createPgCredentialRecords } from "./pg-credential-records.js";
import { createPgEventStore } from "./pg-event-store.js";
import { createPgHeartbeatStore } from "./pg-heartbeat-store.js";
import { createPgHistoryStore } from "./pg-history-store.js";
import { enqueuePg } from "./pg-outbox.js";
import { createPrefetch } from "./pg-prefetch.js";
import { createPgReportStore } from "./pg-report-store.js";
import type { WriteBuffer } from "./pg-write-buffer.js";
import type { Queryable } from "./queryable.js";

/**
 * The stores over one pool (each call alone), or over one transaction's write buffer (its
 * new events and reports written in one statement before the next one) with its read-ahead
 * for correlation (history windows and alerts of the events' scopes). Never throws.
 */
export function createPgSession(
  pool: Queryable,
  outbox: OutboxOptions,
  buffer?: WriteBuffer,
): StoreSession {
  const q = buffer?.q ?? pool;
  const prefetch = buffer === undefined ? undefined : createPrefetch(q, buffer);
  return {
    reports: createPgReportStore(q, buffer),
    events: createPgEventStore(q, buffer),
    alerts: createPgAlertStore(q, prefetch),
    heartbeats: createPgHeartbeatStore(q),
    credentials: createPgCredentialRecords(q),
    history: createPgHistoryStore(q, prefetch, buffer?.span),
    enqueue: (input) => enqueuePg(q, outbox, input),
  };
}
