import { HttpProblem } from "../http/http-problem.js";
import { readJsonBody } from "../ingest/read-json-body.js";
import type { ValidReport } from "../ingest/validate-report.js";
import { validateReport } from "../ingest/validate-report.js";
import { type Handler, type RouteContext, requireRole } from "./route-context.js";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,256}$/;

/**
 * Says in one log line how many entries of an accepted report are already older than
 * `retention_days` (a backfill of old logs): they are stored, correlated and answered 202 like
 * any other, and the next retention pass (within the hour) removes them.
 */
function warnOfExpiredEntries(
  context: RouteContext,
  report: ValidReport,
  identifier: string,
): void {
  const cutoff = context.retentionCutoff();
  const expired = report.entries.filter((entry) => entry.time !== null && entry.time < cutoff);
  if (expired.length === 0) return;
  context.logger.warn(
    "entries older than retention_days: stored now, removed by the next retention pass",
    {
      identifier,
      entries: expired.length,
      cutoff,
    },
  );
}

/**
 * `POST /api/reports` (reporter): validates, checks every entry's host against the
 * credential's glob (403, nothing stored), then ingests in one transaction; 202 after commit.
 */
export const postReport: Handler = async (context, { request, principal }) => {
  requireRole(principal, "reporter");
  const key = request.headers["idempotency-key"];
  if (key !== undefined && (Array.isArray(key) || !IDEMPOTENCY_KEY.test(key))) {
    throw new HttpProblem(400, "Idempotency-Key must be 1-256 visible ASCII characters");
  }
  const body = await readJsonBody(request, context.maxBodyBytes);
  const report = validateReport(body.document);
  if (body.latin1) {
    await context.reports.count("latin1_bodies");
    context.logger.warn("body read as Latin-1 (not valid UTF-8)", {
      identifier: principal.identifier,
      bytes: Number(request.headers["content-length"] ?? 0) || undefined,
    });
  }
  const hosts = new Set([report.reporter, ...report.entries.map((entry) => entry.host)]);
  for (const host of hosts) {
    if (!principal.allowsHost(host)) {
      throw new HttpProblem(403, "this credential may not report for a host in this report");
    }
  }
  const outcome = await context.ingest(report, principal.identifier, key);
  if (outcome.status === "conflict") {
    throw new HttpProblem(422, "this Idempotency-Key was already used for a different report");
  }
  if (outcome.status === "accepted") warnOfExpiredEntries(context, report, principal.identifier);
  return { status: 202, body: { status: outcome.status, id: outcome.id } };
};
