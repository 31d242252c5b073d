/** How the transmitter treats an HTTP status of the report POST. */
export type StatusClass = "success" | "permanent" | "retry";

const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 422]);

/**
 * Classifies a report-POST status (contract §5): exactly 202 is success; 400, 401, 403, 404
 * and 422 are permanent refusals; anything else — including 200 and 201, which do not confirm
 * that the report was queued, and redirects, which are not followed — is retried.
 * Never throws.
 */
export function classifyStatus(status: number): StatusClass {
  if (status === 202) return "success";
  if (PERMANENT_STATUSES.has(status)) return "permanent";
  return "retry";
}
