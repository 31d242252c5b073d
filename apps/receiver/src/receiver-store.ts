import { createHash } from "node:crypto";
import { openDatabase } from "./open-database.js";
import type { ValidReport } from "./validate-report.js";

/** A row of `GET /api/reports`. */
export interface ReportRow {
  id: number;
  event_time: number | null;
  host: string;
  type: string;
  mailbox_address: string | null;
}

/** A row of `GET /api/mailbox_events`. */
export interface MailboxEventRow extends ReportRow {
  ip_actor: { ip_address: string | null };
}

/** What `GET /api/stats` returns. */
export interface ReceiverStats {
  reports: number;
  mailbox_events: number;
  duplicates_collapsed: number;
}

/** The outcome of storing a report. */
export type AcceptOutcome =
  | { status: "accepted" | "duplicate"; id: number }
  | { status: "conflict"; id: number };

/** The receiver's SQLite tables (see the README for the schema). */
export interface ReceiverStore {
  accept(
    report: ValidReport,
    identifier: string,
    idempotencyKey: string | undefined,
  ): AcceptOutcome;
  listReports(host: string | undefined, limit: number): ReportRow[];
  listMailboxEvents(host: string | undefined, limit: number): MailboxEventRow[];
  stats(): ReceiverStats;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  identifier TEXT NOT NULL,
  idempotency_key TEXT,
  body_sha256 TEXT NOT NULL,
  reporter TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  UNIQUE (identifier, idempotency_key)
);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  event_time INTEGER,
  host TEXT NOT NULL,
  type TEXT NOT NULL,
  mailbox_address TEXT,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_host ON reports (host, id);
CREATE TABLE IF NOT EXISTS mailbox_events (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  event_time INTEGER,
  host TEXT NOT NULL,
  type TEXT NOT NULL,
  mailbox_address TEXT,
  ip_address TEXT
);
CREATE INDEX IF NOT EXISTS mailbox_events_by_host ON mailbox_events (host, id);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('duplicates_collapsed', 0);
`;

const COLUMNS = "id, event_time, host, type, mailbox_address";

/**
 * Opens (creating if needed) the store at `path` (`:memory:` or a file, see `openDatabase`).
 *
 * @throws as `openDatabase`.
 */
export function openReceiverStore(path: string): ReceiverStore {
  const db = openDatabase(path);
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  const findSubmission = db.prepare<[string, string], { id: number; body_sha256: string }>(
    "SELECT id, body_sha256 FROM submissions WHERE identifier = ? AND idempotency_key = ?",
  );
  const insertSubmission = db.prepare(
    "INSERT INTO submissions (identifier, idempotency_key, body_sha256, reporter, received_at) VALUES (?, ?, ?, ?, ?)",
  );
  const insertReport = db.prepare(
    "INSERT INTO reports (submission_id, event_time, host, type, mailbox_address, entry) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertEvent = db.prepare(
    "INSERT INTO mailbox_events (report_id, event_time, host, type, mailbox_address, ip_address) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const countDuplicate = db.prepare(
    "UPDATE counters SET value = value + 1 WHERE name = 'duplicates_collapsed'",
  );
  const list = (table: string, extra: string) => ({
    all: db.prepare<[number]>(`SELECT ${COLUMNS}${extra} FROM ${table} ORDER BY id DESC LIMIT ?`),
    byHost: db.prepare<[string, number]>(
      `SELECT ${COLUMNS}${extra} FROM ${table} WHERE host = ? ORDER BY id DESC LIMIT ?`,
    ),
  });
  const reports = list("reports", "");
  const events = list("mailbox_events", ", ip_address");
  const stats = db.prepare<[], ReceiverStats>(
    `SELECT (SELECT count(*) FROM reports) AS reports,
            (SELECT count(*) FROM mailbox_events) AS mailbox_events,
            (SELECT value FROM counters WHERE name = 'duplicates_collapsed') AS duplicates_collapsed`,
  );

  const accept = db.transaction(
    (report: ValidReport, identifier: string, key: string | undefined): AcceptOutcome => {
      const sha = createHash("sha256")
        .update(JSON.stringify([report.reporter, report.entries.map((e) => e.entry)]))
        .digest("hex");
      const previous = key === undefined ? undefined : findSubmission.get(identifier, key);
      if (previous !== undefined) {
        if (previous.body_sha256 !== sha) return { status: "conflict", id: previous.id };
        countDuplicate.run();
        return { status: "duplicate", id: previous.id };
      }
      const submission = insertSubmission.run(
        identifier,
        key ?? null,
        sha,
        report.reporter,
        Date.now(),
      );
      for (const e of report.entries) {
        const row = insertReport.run(
          submission.lastInsertRowid,
          e.time,
          e.host,
          e.type,
          e.mailboxAddress,
          JSON.stringify(e.entry),
        );
        insertEvent.run(row.lastInsertRowid, e.time, e.host, e.type, e.mailboxAddress, e.ip);
      }
      return { status: "accepted", id: Number(submission.lastInsertRowid) };
    },
  );

  return {
    accept: (report, identifier, key) => accept.immediate(report, identifier, key),
    listReports: (host, limit) =>
      (host === undefined
        ? reports.all.all(limit)
        : reports.byHost.all(host, limit)) as ReportRow[],
    listMailboxEvents(host, limit) {
      const rows = (
        host === undefined ? events.all.all(limit) : events.byHost.all(host, limit)
      ) as Array<ReportRow & { ip_address: string | null }>;
      return rows.map(({ ip_address, ...row }) => ({ ...row, ip_actor: { ip_address } }));
    },
    stats: () => stats.get()!,
    close: () => db.close(),
  };
}
