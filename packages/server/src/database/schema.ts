/**
 * The server's tables (README "Storage"). Every statement is idempotent, so opening an
 * existing database applies it again harmlessly.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  identifier TEXT NOT NULL,
  idempotency_key TEXT,
  body_sha256 TEXT NOT NULL,
  reporter TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (identifier, idempotency_key)
);
CREATE TABLE IF NOT EXISTS mailbox_events (
  id INTEGER PRIMARY KEY,
  event_time INTEGER,
  host TEXT NOT NULL,
  type TEXT NOT NULL,
  mailbox_address TEXT,
  ip_address TEXT,
  network TEXT,
  asn INTEGER,
  as_name TEXT,
  country TEXT,
  forward_recipient TEXT,
  mailbox_domain TEXT,
  recipient_key TEXT,
  recipient_domain TEXT,
  class TEXT,
  class_by_analyst INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS mailbox_events_by_host ON mailbox_events (host, id);
CREATE INDEX IF NOT EXISTS mailbox_events_by_mailbox ON mailbox_events (mailbox_address, host, event_time);
CREATE INDEX IF NOT EXISTS mailbox_events_by_ip ON mailbox_events (ip_address, event_time);
CREATE INDEX IF NOT EXISTS mailbox_events_by_recipient ON mailbox_events (recipient_key, event_time);
CREATE INDEX IF NOT EXISTS mailbox_events_by_recipient_domain ON mailbox_events (recipient_domain, event_time);
CREATE INDEX IF NOT EXISTS mailbox_events_by_domain ON mailbox_events (host, mailbox_domain, event_time);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  event_id INTEGER REFERENCES mailbox_events(id),
  event_time INTEGER,
  host TEXT NOT NULL,
  type TEXT NOT NULL,
  mailbox_address TEXT,
  forward_recipient TEXT,
  content_sha256 TEXT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_host ON reports (host, id);
CREATE INDEX IF NOT EXISTS reports_by_content ON reports (content_sha256);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  state TEXT NOT NULL,
  alert_key TEXT NOT NULL,
  hosts TEXT NOT NULL,
  mailbox_addresses TEXT NOT NULL,
  ips TEXT NOT NULL,
  forward_recipients TEXT NOT NULL,
  summary TEXT NOT NULL,
  first_event_time INTEGER,
  last_event_time INTEGER,
  anchor_first INTEGER NOT NULL,
  anchor_last INTEGER NOT NULL,
  incidents TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_by_key ON alerts (rule, alert_key, anchor_first);
CREATE TABLE IF NOT EXISTS alert_events (
  alert_id INTEGER NOT NULL REFERENCES alerts(id),
  event_id INTEGER NOT NULL REFERENCES mailbox_events(id),
  PRIMARY KEY (alert_id, event_id)
);
CREATE INDEX IF NOT EXISTS alert_events_by_event ON alert_events (event_id);
CREATE TABLE IF NOT EXISTS heartbeats (
  host TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL,
  agent_version TEXT,
  queue_depth INTEGER,
  followers TEXT
);
CREATE TABLE IF NOT EXISTS credentials (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  hosts TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('duplicates_collapsed', 0);
INSERT OR IGNORE INTO counters (name, value) VALUES ('latin1_bodies', 0);
`;
