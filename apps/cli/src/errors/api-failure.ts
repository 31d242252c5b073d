import type { ApiError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";

const FIXES: Record<ApiError["kind"], string> = {
  http: "check transmission.host and transmission.credentials in the configuration",
  network: "check transmission.host and that this server can reach it",
  timeout: "check that the Spoor API is reachable, or raise transmission.timeout_ms",
  "invalid-response": "check that transmission.host points at a Spoor API",
  aborted: "run the command again",
};

/**
 * The user-facing form of a failed API call: the method and URL, the status, the start of
 * the body (already masked by the client) and what to check. Never holds the secret, which
 * travels only in the Authorization header. Never throws.
 */
export function apiFailure(error: ApiError): UserFacingError {
  const excerpt = error.bodyExcerpt ? ` (response: ${error.bodyExcerpt})` : "";
  const fix =
    error.status === 401 || error.status === 403
      ? undefined
      : error.status === 404
        ? "check transmission.host (and its path) and transmission.endpoints.report: this URL is not a Spoor API endpoint"
        : FIXES[error.kind];
  return new UserFacingError(`${error.message}${excerpt}`, fix, { cause: error });
}
