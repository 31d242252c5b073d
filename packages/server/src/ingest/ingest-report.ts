import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { EventStore, NewMailboxEvent } from "../store/event-store.js";
import type { MailboxEvent } from "../store/mailbox-event.js";
import type { ReportStore } from "../store/report-store.js";
import { canonicalJson } from "./canonical-json.js";
import type { ReportEntry, ValidReport } from "./validate-report.js";

/** What an IP is known as (nulls where unknown). */
export interface IpFacts {
  network: string | null;
  asn: number | null;
  as_name: string | null;
  country: string | null;
}

/** The steps of ingest that are not plain storage (enrichment, merging, correlation). */
export interface IngestSteps {
  enrich(ip: string | null): IpFacts;
  /**
   * Places a new event: stores it, or merges it into a stored forwarder half. Runs inside
   * the report's transaction. @returns the event the entry became (stored, with its id).
   */
  place(event: NewMailboxEvent): MailboxEvent;
  /** Correlates the events a report touched, in order (inside the same transaction). */
  correlate(events: readonly MailboxEvent[]): void;
}

/** The outcome of storing a report. */
export type IngestOutcome =
  | { status: "accepted" | "duplicate"; id: number; stored: number; collapsed: number }
  | { status: "conflict"; id: number };

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The identity used to collapse re-sent entries without an Idempotency-Key. */
function contentDigest(identifier: string, reporter: string, entry: ReportEntry): string {
  return sha256(canonicalJson([identifier, reporter, entry.entry]));
}

/**
 * Builds the ingest of one report: ONE transaction (BEGIN IMMEDIATE) that stores the
 * submission, every entry as a report row (types the server does not know too) and its
 * mailbox event (enriched, merged), then correlates, so the caller answers 202 only after
 * the commit. A repeated Idempotency-Key stores nothing (`duplicate`, or `conflict` for
 * other content); without a key, an entry whose canonical content (keys sorted) and reporter
 * match a stored one is collapsed (counted in `duplicates_collapsed`).
 *
 * @throws SQLite errors as they are (the transaction is rolled back).
 */
export function createIngest(
  db: Database.Database,
  stores: { reports: ReportStore; events: EventStore },
  steps: IngestSteps,
  now: () => number,
): (report: ValidReport, identifier: string, key: string | undefined) => IngestOutcome {
  const run = db.transaction(
    (report: ValidReport, identifier: string, key: string | undefined): IngestOutcome => {
      const sha = sha256(canonicalJson([report.reporter, report.entries.map((e) => e.entry)]));
      const previous =
        key === undefined ? undefined : stores.reports.findSubmission(identifier, key);
      if (previous !== undefined) {
        if (previous.body_sha256 !== sha) return { status: "conflict", id: previous.id };
        stores.reports.count("duplicates_collapsed");
        return {
          status: "duplicate",
          id: previous.id,
          stored: 0,
          collapsed: report.entries.length,
        };
      }
      const submissionId = stores.reports.insertSubmission(
        identifier,
        key,
        sha,
        report.reporter,
        now(),
      );
      const touched = new Map<number, MailboxEvent>();
      let collapsed = 0;
      const seen = new Set<string>();
      for (const entry of report.entries) {
        const content = contentDigest(identifier, report.reporter, entry);
        if (key === undefined && (seen.has(content) || stores.reports.hasContent(content))) {
          collapsed += 1;
          continue;
        }
        seen.add(content);
        const event = steps.place({
          event_time: entry.time,
          host: entry.host,
          type: entry.type,
          mailbox_address: entry.mailboxAddress,
          ip: entry.ip,
          ...steps.enrich(entry.ip),
          forward_recipient: entry.forwardRecipient,
        });
        // A later entry of the same report may have changed it (a merge): keep the latest.
        touched.delete(event.id);
        touched.set(event.id, event);
        stores.reports.insert({
          submissionId,
          eventId: event.id,
          time: entry.time,
          host: entry.host,
          type: entry.type,
          mailboxAddress: entry.mailboxAddress,
          forwardRecipient: entry.forwardRecipient,
          contentSha256: content,
          entry: JSON.stringify(entry.entry),
        });
      }
      if (collapsed > 0) stores.reports.count("duplicates_collapsed", collapsed);
      if (touched.size > 0) steps.correlate([...touched.values()]);
      const stored = report.entries.length - collapsed;
      const status = stored === 0 ? "duplicate" : "accepted";
      return { status, id: submissionId, stored, collapsed };
    },
  );
  return (report, identifier, key) => run.immediate(report, identifier, key);
}
