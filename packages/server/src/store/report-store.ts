import type Database from "better-sqlite3";

/** A row of `GET /api/reports`. */
export interface ReportRow {
  id: number;
  event_time: number | null;
  host: string;
  type: string;
  mailbox_address: string | null;
  forward_recipient: string | null;
}

/** What `GET /api/stats` answers. */
export interface ServerStats {
  reports: number;
  mailbox_events: number;
  alerts: number;
  duplicates_collapsed: number;
  /** Bodies that were not valid UTF-8 and were read as Latin-1. */
  latin1_bodies: number;
}

/** A report row to store (one entry as received). */
export interface NewReport {
  submissionId: number;
  eventId: number | null;
  time: number | null;
  host: string;
  type: string;
  mailboxAddress: string | null;
  forwardRecipient: string | null;
  contentSha256: string;
  entry: string;
}

/** The `submissions`, `reports` and `counters` tables. */
export interface ReportStore {
  findSubmission(identifier: string, key: string): { id: number; body_sha256: string } | undefined;
  insertSubmission(
    identifier: string,
    key: string | undefined,
    sha: string,
    reporter: string,
    now: number,
  ): number;
  /** True when an entry of that canonical content (and reporter) is stored already. */
  hasContent(contentSha256: string): boolean;
  insert(report: NewReport): number;
  list(host: string | undefined, hostsGlob: string | null, limit: number): ReportRow[];
  count(name: "duplicates_collapsed" | "latin1_bodies", by?: number): void;
  stats(): ServerStats;
}

/** Opens the report store over the server's database. Never throws once prepared. */
export function createReportStore(db: Database.Database): ReportStore {
  const findSubmission = db.prepare<[string, string], { id: number; body_sha256: string }>(
    "SELECT id, body_sha256 FROM submissions WHERE identifier = ? AND idempotency_key = ?",
  );
  const insertSubmission = db.prepare(
    "INSERT INTO submissions (identifier, idempotency_key, body_sha256, reporter, received_at) VALUES (?, ?, ?, ?, ?)",
  );
  const hasContent = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM reports WHERE content_sha256 = ? LIMIT 1",
  );
  const insert = db.prepare(
    `INSERT INTO reports (submission_id, event_id, event_time, host, type, mailbox_address, forward_recipient, content_sha256, entry)
     VALUES (@submissionId, @eventId, @time, @host, @type, @mailboxAddress, @forwardRecipient, @contentSha256, @entry)`,
  );
  const count = db.prepare("UPDATE counters SET value = value + ? WHERE name = ?");
  const columns = "id, event_time, host, type, mailbox_address, forward_recipient";
  const lists = {
    all: db.prepare<[number], ReportRow>(`SELECT ${columns} FROM reports ORDER BY id DESC LIMIT ?`),
    byHost: db.prepare<[string, number], ReportRow>(
      `SELECT ${columns} FROM reports WHERE host = ? ORDER BY id DESC LIMIT ?`,
    ),
    byGlob: db.prepare<[string, number], ReportRow>(
      `SELECT ${columns} FROM reports WHERE host_glob(?, host) ORDER BY id DESC LIMIT ?`,
    ),
  };
  const stats = db.prepare<[], ServerStats>(
    `SELECT (SELECT count(*) FROM reports) AS reports,
            (SELECT count(*) FROM mailbox_events) AS mailbox_events,
            (SELECT count(*) FROM alerts) AS alerts,
            (SELECT value FROM counters WHERE name = 'duplicates_collapsed') AS duplicates_collapsed,
            (SELECT value FROM counters WHERE name = 'latin1_bodies') AS latin1_bodies`,
  );
  return {
    findSubmission: (identifier, key) => findSubmission.get(identifier, key),
    insertSubmission: (identifier, key, sha, reporter, now) =>
      Number(insertSubmission.run(identifier, key ?? null, sha, reporter, now).lastInsertRowid),
    hasContent: (sha) => hasContent.get(sha) !== undefined,
    insert: (report) => Number(insert.run(report).lastInsertRowid),
    list(host, hostsGlob, limit) {
      if (host !== undefined) return lists.byHost.all(host, limit);
      if (hostsGlob !== null) return lists.byGlob.all(hostsGlob, limit);
      return lists.all.all(limit);
    },
    count(name, by = 1) {
      count.run(by, name);
    },
    stats: () => stats.get()!,
  };
}
