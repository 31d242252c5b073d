import { hostGlobPattern } from "../auth/host-glob.js";
import type { ReportStore, ServerStats } from "../store/report-store.js";
import type { Async } from "../store/server-store.js";
import type { WriteBuffer } from "./pg-write-buffer.js";
import { changesOf, type Queryable, rowsOf } from "./queryable.js";

const COLUMNS = "id, event_time, host, type, mailbox_address, forward_recipient";

/**
 * The `submissions`, `reports` and `counters` tables on PostgreSQL. With a transaction's
 * write buffer, new report rows wait in it.
 */
export function createPgReportStore(q: Queryable, buffer?: WriteBuffer): Async<ReportStore> {
  return {
    async findSubmission(identifier, key) {
      const [row] = await rowsOf<{ id: number; body_sha256: string }>(
        q,
        "SELECT id, body_sha256 FROM submissions WHERE identifier = $1 AND idempotency_key = $2",
        [identifier, key],
      );
      return row;
    },
    async insertSubmission(identifier, key, sha, reporter, now) {
      // The submission's entries follow: their ids travel with it.
      const inserted = rowsOf<{ id: number }>(
        q,
        `INSERT INTO submissions (identifier, idempotency_key, body_sha256, reporter, received_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [identifier, key ?? null, sha, reporter, now],
      );
      buffer?.reserve();
      const [row] = await inserted;
      return row!.id;
    },
    async hasContent(sha) {
      const rows = await rowsOf(q, "SELECT 1 FROM reports WHERE content_sha256 = $1 LIMIT 1", [
        sha,
      ]);
      return rows.length > 0;
    },
    async insert(r) {
      const values = [
        r.submissionId,
        r.eventId,
        r.time,
        r.host,
        r.type,
        r.mailboxAddress,
        r.forwardRecipient,
        r.contentSha256,
        r.entry,
      ];
      if (buffer !== undefined) return buffer.addReport(values);
      const [row] = await rowsOf<{ id: number }>(
        q,
        `INSERT INTO reports (submission_id, event_id, event_time, host, type, mailbox_address,
           forward_recipient, content_sha256, entry) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        values,
      );
      return row!.id;
    },
    list(host, hostsGlob, limit) {
      if (host !== undefined) {
        return rowsOf(
          q,
          `SELECT ${COLUMNS} FROM reports WHERE host = $1 ORDER BY id DESC LIMIT $2`,
          [host, limit],
        );
      }
      if (hostsGlob !== null) {
        return rowsOf(
          q,
          `SELECT ${COLUMNS} FROM reports WHERE host ~* $1 ORDER BY id DESC LIMIT $2`,
          [hostGlobPattern(hostsGlob), limit],
        );
      }
      return rowsOf(q, `SELECT ${COLUMNS} FROM reports ORDER BY id DESC LIMIT $1`, [limit]);
    },
    async count(name, by = 1) {
      await changesOf(q, "UPDATE counters SET value = value + $1 WHERE name = $2", [by, name]);
    },
    async stats() {
      const [row] = await rowsOf<ServerStats>(
        q,
        `SELECT (SELECT count(*) FROM reports) AS reports,
                (SELECT count(*) FROM mailbox_events) AS mailbox_events,
                (SELECT count(*) FROM alerts) AS alerts,
                (SELECT value FROM counters WHERE name = 'duplicates_collapsed') AS duplicates_collapsed,
                (SELECT value FROM counters WHERE name = 'latin1_bodies') AS latin1_bodies`,
      );
      return row!;
    },
  };
}
