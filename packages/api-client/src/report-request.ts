import type { FormattedEntry } from "./format-entry.js";

/** A report POST exactly as the client sends it (`spoor transmit --dry-run` prints it). */
export interface ReportRequest {
  method: "POST";
  url: string;
  /** The request's own headers; the transport adds Host, Content-Length and Connection. */
  headers: Record<string, string>;
  body: string;
}

/** Per-entry options of the report POST. */
export interface ReportOptions {
  /** The spooled entry's `id`; the API collapses repeats of the same key. */
  idempotencyKey: string;
  /** This machine's hostname (`metadata.reporter`). */
  reporter: string;
  signal?: AbortSignal;
}

/** What every report POST of one client shares. */
export interface ReportSettings {
  reportUrl: string;
  authorization: string;
  userAgent: string;
}

const HEADER_TOKEN = /^[\x21-\x7e]{1,256}$/;

/**
 * Builds the report POST of contract §6: JSON content type, Basic auth, `Idempotency-Key`,
 * body `{"report":{"entries":[entry],"metadata":{"reporter":…}}}`.
 *
 * @throws TypeError when the idempotency key is not 1–256 visible ASCII characters (it could
 *   not travel as a header value).
 */
export function createReportRequest(
  settings: ReportSettings,
  entry: FormattedEntry,
  options: ReportOptions,
): ReportRequest {
  if (!HEADER_TOKEN.test(options.idempotencyKey)) {
    throw new TypeError("the idempotency key must be 1-256 visible ASCII characters");
  }
  return {
    method: "POST",
    url: settings.reportUrl,
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: settings.authorization,
      "Idempotency-Key": options.idempotencyKey,
      "User-Agent": settings.userAgent,
    },
    body: JSON.stringify({
      report: { entries: [entry], metadata: { reporter: options.reporter } },
    }),
  };
}
