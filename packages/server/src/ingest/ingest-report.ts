import { createHash } from "node:crypto";
import type { NewMailboxEvent } from "../store/event-store.js";
import type { MailboxEvent } from "../store/mailbox-event.js";
import type { ServerStore, StoreSession } from "../store/server-store.js";
import { canonicalJson } from "./canonical-json.js";
import { reportLocks } from "./report-locks.js";
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
  place(session: StoreSession, event: NewMailboxEvent): Promise<MailboxEvent>;
  /**
   * Correlates the events a report touched, in order (inside the same transaction).
   * @returns how many outbox rows it enqueued
   */
  correlate(session: StoreSession, events: readonly MailboxEvent[]): Promise<number>;
}

/** The outcome of storing a report. */
export type IngestOutcome = (
  | { status: "accepted" | "duplicate"; id: number; stored: number; collapsed: number }
  | { status: "conflict"; id: number }
) & {
  /** Outbox rows the commit added (the worker is woken when there are any). */
  enqueued?: number;
};

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The digests of a report, each entry's canonical text made once: `body` identifies the
 * submission (an Idempotency-Key's content), `contents[i]` entry i (to collapse re-sent entries
 * without a key). They equal `sha256(canonicalJson([reporter, entries]))` and
 * `sha256(canonicalJson([identifier, reporter, entry]))`: canonical JSON of an array is its
 * members' canonical texts joined, which keeps digests stored by earlier versions matching.
 */
function reportDigests(
  identifier: string,
  reporter: string,
  entries: readonly ReportEntry[],
): { body: string; contents: string[] } {
  const texts = entries.map((entry) => canonicalJson(entry.entry));
  const who = JSON.stringify(reporter);
  const prefix = `[${JSON.stringify(identifier)},${who},`;
  return {
    body: sha256(`[${who},[${texts.join(",")}]]`),
    contents: texts.map((text) => sha256(`${prefix}${text}]`)),
  };
}

/**
 * Builds the ingest of one report: ONE transaction (locking the report's names, see
 * `reportLocks`) that stores the submission, every entry as a report row (types the server
 * does not know too) and its mailbox event (enriched, merged), then correlates; it resolves
 * only after the commit, so the caller answers 202 only then. A repeated Idempotency-Key
 * stores nothing (`duplicate`, or `conflict` for other content); without a key, an entry
 * whose canonical content (keys sorted) and reporter match a stored one is collapsed
 * (counted in `duplicates_collapsed`).
 *
 * @throws the driver's errors as they are (the transaction is rolled back).
 */
export function createIngest(
  store: ServerStore,
  steps: IngestSteps,
  now: () => number,
): (report: ValidReport, identifier: string, key: string | undefined) => Promise<IngestOutcome> {
  const run = async (
    tx: StoreSession,
    report: ValidReport,
    identifier: string,
    key: string | undefined,
  ): Promise<IngestOutcome> => {
    const digests = reportDigests(identifier, report.reporter, report.entries);
    const sha = digests.body;
    const previous =
      key === undefined ? undefined : await tx.reports.findSubmission(identifier, key);
    if (previous !== undefined) {
      if (previous.body_sha256 !== sha) return { status: "conflict", id: previous.id };
      await tx.reports.count("duplicates_collapsed");
      return {
        status: "duplicate",
        id: previous.id,
        stored: 0,
        collapsed: report.entries.length,
      };
    }
    const submissionId = await tx.reports.insertSubmission(
      identifier,
      key,
      sha,
      report.reporter,
      now(),
    );
    const touched = new Map<number, MailboxEvent>();
    let collapsed = 0;
    const seen = new Set<string>();
    for (const [index, entry] of report.entries.entries()) {
      const content = digests.contents[index]!;
      if (key === undefined && (seen.has(content) || (await tx.reports.hasContent(content)))) {
        collapsed += 1;
        continue;
      }
      seen.add(content);
      const event = await steps.place(tx, {
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
      await tx.reports.insert({
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
    if (collapsed > 0) await tx.reports.count("duplicates_collapsed", collapsed);
    const enqueued = touched.size > 0 ? await steps.correlate(tx, [...touched.values()]) : 0;
    const stored = report.entries.length - collapsed;
    const status = stored === 0 ? "duplicate" : "accepted";
    return { status, id: submissionId, stored, collapsed, enqueued };
  };
  return (report, identifier, key) =>
    store.transaction(reportLocks(report, identifier, key), (tx) =>
      run(tx, report, identifier, key),
    );
}
