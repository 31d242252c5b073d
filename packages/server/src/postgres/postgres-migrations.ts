/**
 * The PostgreSQL schema, one entry per version; never edit a released entry, append.
 * Version 1: the tables of the SQLite schema (BIGINT times and ids), the notification
 * outbox, and the indexes the ingest and analyst queries use.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE submissions (
     id BIGSERIAL PRIMARY KEY,
     identifier TEXT NOT NULL,
     idempotency_key TEXT,
     body_sha256 TEXT NOT NULL,
     reporter TEXT NOT NULL,
     received_at BIGINT NOT NULL,
     UNIQUE (identifier, idempotency_key)
   );
   CREATE TABLE mailbox_events (
     id BIGSERIAL PRIMARY KEY,
     event_time BIGINT,
     host TEXT NOT NULL,
     type TEXT NOT NULL,
     mailbox_address TEXT,
     ip_address TEXT,
     network TEXT,
     asn BIGINT,
     as_name TEXT,
     country TEXT,
     forward_recipient TEXT,
     mailbox_domain TEXT,
     recipient_key TEXT,
     recipient_domain TEXT,
     class TEXT,
     class_by_analyst BOOLEAN NOT NULL DEFAULT false
   );
   CREATE INDEX mailbox_events_by_host ON mailbox_events (host, id);
   CREATE INDEX mailbox_events_by_class ON mailbox_events (class, id);
   CREATE INDEX mailbox_events_by_time ON mailbox_events (event_time);
   CREATE INDEX mailbox_events_by_mailbox ON mailbox_events (mailbox_address, host, event_time);
   CREATE INDEX mailbox_events_by_ip ON mailbox_events (ip_address, event_time);
   CREATE INDEX mailbox_events_by_recipient ON mailbox_events (recipient_key, event_time);
   CREATE INDEX mailbox_events_by_recipient_domain ON mailbox_events (recipient_domain, event_time);
   CREATE INDEX mailbox_events_by_domain ON mailbox_events (host, mailbox_domain, event_time);
   CREATE TABLE reports (
     id BIGSERIAL PRIMARY KEY,
     submission_id BIGINT NOT NULL REFERENCES submissions(id),
     event_id BIGINT REFERENCES mailbox_events(id),
     event_time BIGINT,
     host TEXT NOT NULL,
     type TEXT NOT NULL,
     mailbox_address TEXT,
     forward_recipient TEXT,
     content_sha256 TEXT NOT NULL,
     entry TEXT NOT NULL
   );
   CREATE INDEX reports_by_host ON reports (host, id);
   CREATE INDEX reports_by_content ON reports (content_sha256);
   CREATE INDEX reports_by_event ON reports (event_id);
   CREATE INDEX reports_by_time ON reports (event_time);
   CREATE TABLE alerts (
     id BIGSERIAL PRIMARY KEY,
     rule TEXT NOT NULL,
     severity TEXT NOT NULL,
     state TEXT NOT NULL,
     alert_key TEXT NOT NULL,
     hosts TEXT NOT NULL,
     mailbox_addresses TEXT NOT NULL,
     ips TEXT NOT NULL,
     forward_recipients TEXT NOT NULL,
     summary TEXT NOT NULL,
     first_event_time BIGINT,
     last_event_time BIGINT,
     anchor_first BIGINT NOT NULL,
     anchor_last BIGINT NOT NULL,
     incidents TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX alerts_by_key ON alerts (rule, alert_key, anchor_first);
   CREATE INDEX alerts_by_state ON alerts (state, id);
   CREATE TABLE alert_events (
     alert_id BIGINT NOT NULL REFERENCES alerts(id),
     event_id BIGINT NOT NULL REFERENCES mailbox_events(id),
     PRIMARY KEY (alert_id, event_id)
   );
   CREATE INDEX alert_events_by_event ON alert_events (event_id);
   CREATE TABLE heartbeats (
     host TEXT PRIMARY KEY,
     received_at BIGINT NOT NULL,
     agent_version TEXT,
     queue_depth BIGINT,
     followers TEXT
   );
   CREATE TABLE credentials (
     id BIGSERIAL PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     hosts TEXT NOT NULL,
     secret_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT
   );
   CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
   INSERT INTO counters (name, value) VALUES ('duplicates_collapsed', 0), ('latin1_bodies', 0);
   CREATE TABLE notify_outbox (
     id BIGSERIAL PRIMARY KEY,
     channel TEXT NOT NULL,
     alert_id BIGINT NOT NULL,
     reason TEXT NOT NULL,
     severity TEXT NOT NULL,
     delivery_id TEXT NOT NULL,
     alert_json TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     digest BOOLEAN NOT NULL DEFAULT false,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT NOT NULL,
     lease_until BIGINT,
     created_at BIGINT NOT NULL,
     delivered_at BIGINT,
     last_error TEXT,
     UNIQUE (alert_id, reason, severity, channel)
   );
   CREATE INDEX notify_outbox_due ON notify_outbox (channel, digest, next_attempt_at)
     WHERE state = 'pending';
   CREATE TABLE notify_window (
     channel TEXT PRIMARY KEY,
     window_start BIGINT NOT NULL,
     sent INTEGER NOT NULL
   );`,
];
