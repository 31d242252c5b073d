import { ApiError } from "./api-error.js";
import { bodyExcerpt } from "./body-excerpt.js";
import { classifyStatus } from "./classify-status.js";
import { describeStatus, type RequestPurpose } from "./describe-status.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { OutgoingRequest, ReceivedResponse } from "./perform-request.js";

/**
 * The ApiError for a response with an unexpected status: what it means, whether it is worth
 * retrying (`classifyStatus`), how long the server asked to wait (`Retry-After`), and a
 * masked excerpt of the body; the hint depends on what the request was for. Never throws.
 */
export function responseError(
  request: OutgoingRequest,
  response: ReceivedResponse,
  secrets: readonly string[],
  purpose: RequestPurpose,
): ApiError {
  const { status } = response;
  const hint = describeStatus(purpose, status, response.headers.get("location"));
  const excerpt = bodyExcerpt(response.body.bytes, secrets);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  return new ApiError(`${request.method} ${request.url} answered HTTP ${status}: ${hint}`, {
    kind: "http",
    method: request.method,
    url: request.url,
    status,
    isRetryable: classifyStatus(status) === "retry",
    ...(excerpt === undefined ? {} : { bodyExcerpt: excerpt }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
