/** What a request was for: the hint of an unexpected status depends on it. */
export type RequestPurpose = "report" | "heartbeat" | "list" | "alerts";

const NOT_FOUND: Readonly<Record<RequestPurpose, string>> = {
  report: "check transmission.host and transmission.endpoints.report",
  heartbeat:
    "this API does not take heartbeats (the original Spoor API does not): set transmission.heartbeat: false, or point transmission.host at a spoor server",
  list: "check transmission.host",
  alerts: "this API has no alerts (only a spoor server has): check transmission.host",
};

const FORBIDDEN: Readonly<Record<RequestPurpose, string>> = {
  report: "the credentials are not allowed to do this",
  heartbeat: "the credentials are not allowed to do this",
  list: "the credentials are not allowed to do this",
  alerts: "the credentials are not an analyst's: only an analyst credential may read alerts",
};

/**
 * Says what an unexpected HTTP status of the Spoor API means for the operator (the hint
 * in an `ApiError` message). Never throws.
 */
export function describeStatus(
  purpose: RequestPurpose,
  status: number,
  location: string | null,
): string {
  if (status >= 200 && status < 300) {
    if (purpose === "report") {
      return "expected 202 Accepted; the server did not confirm that it queued the report";
    }
    return purpose === "heartbeat" ? "expected 202 Accepted" : "unexpected success status";
  }
  if (status >= 300 && status < 400) {
    const target = location === null ? "" : ` to ${JSON.stringify(location.slice(0, 200))}`;
    return `redirect${target} not followed: set transmission.host to the final address`;
  }
  switch (status) {
    case 401:
      return purpose === "alerts"
        ? "the API does not know this analyst identifier and secret"
        : "check transmission.credentials (api_identifier / api_secret)";
    case 403:
      return FORBIDDEN[purpose];
    case 404:
      return NOT_FOUND[purpose];
    case 400:
    case 422:
      return "the API rejected the request as invalid";
    case 429:
      return "rate limited by the API";
    default:
      return status >= 500 ? "server error" : "unexpected status";
  }
}
