/**
 * Says what an unexpected HTTP status of the Spoor API means for the operator (the hint
 * in an `ApiError` message). Never throws.
 */
export function describeStatus(method: string, status: number, location: string | null): string {
  if (status >= 200 && status < 300) {
    return method === "POST"
      ? "expected 202 Accepted; the server did not confirm that it queued the report"
      : "unexpected success status";
  }
  if (status >= 300 && status < 400) {
    const target = location === null ? "" : ` to ${JSON.stringify(location.slice(0, 200))}`;
    return `redirect${target} not followed: set transmission.host to the final address`;
  }
  switch (status) {
    case 401:
      return "check transmission.credentials (api_identifier / api_secret)";
    case 403:
      return "the credentials are not allowed to do this";
    case 404:
      return "check transmission.host and transmission.endpoints.report";
    case 400:
    case 422:
      return "the API rejected the request as invalid";
    case 429:
      return "rate limited by the API";
    default:
      return status >= 500 ? "server error" : "unexpected status";
  }
}
