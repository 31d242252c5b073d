import type { OutboxOptions } from "@spoor/notify";
import type { StoreSession } from "../store/server-store.js";
import { createPgAlertStore } from "./pg-alert-store.js";
import { createPgCredentialRecords } from "./pg-credential-records.js";
import { createPgEventStore } from "./pg-event-store.js";
import { createPgHeartbeatStore } from "./pg-heartbeat-store.js";
import { createPgHistoryStore } from "./pg-history-store.js";
import { enqueuePg } from "./pg-outbox.js";
import { createPgReportStore } from "./pg-report-store.js";
import type { Queryable } from "./queryable.js";

/** The stores over one pool (each call alone) or one client (a transaction). Never throws. */
export function createPgSession(q: Queryable, outbox: OutboxOptions): StoreSession {
  return {
    reports: createPgReportStore(q),
    events: createPgEventStore(q),
    alerts: createPgAlertStore(q),
    heartbeats: createPgHeartbeatStore(q),
    credentials: createPgCredentialRecords(q),
    history: createPgHistoryStore(q),
    enqueue: (input) => enqueuePg(q, outbox, input),
  };
}
