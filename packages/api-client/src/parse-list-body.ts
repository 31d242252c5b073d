import { ApiError } from "./api-error.js";
import type { OutgoingRequest, ReceivedResponse } from "./perform-request.js";

/**
 * Extracts the record array under `key` from a list response (`{"reports":[…]}`).
 *
 * @throws ApiError of kind `invalid-response` when the body was cut at the size limit, is not
 *   JSON, has no array under `key`, or that array holds something other than objects.
 */
export function parseListBody(
  request: OutgoingRequest,
  response: ReceivedResponse,
  key: string,
): Array<Record<string, unknown>> {
  const invalid = (problem: string) =>
    new ApiError(`${request.method} ${request.url}: ${problem}`, {
      kind: "invalid-response",
      method: request.method,
      url: request.url,
      status: response.status,
      isRetryable: false,
    });
  if (response.body.truncated) {
    throw invalid(`the response is larger than ${response.body.bytes.length} bytes`);
  }
  let document: unknown;
  try {
    document = JSON.parse(response.body.bytes.toString("utf8"));
  } catch {
    throw invalid("the response is not JSON");
  }
  const records =
    typeof document === "object" && document !== null
      ? (document as Record<string, unknown>)[key]
      : undefined;
  if (!Array.isArray(records)) {
    throw invalid(`the response has no "${key}" array`);
  }
  const index = records.findIndex((r) => typeof r !== "object" || r === null || Array.isArray(r));
  if (index !== -1) {
    throw invalid(`element ${index} of "${key}" is not an object`);
  }
  return records as Array<Record<string, unknown>>;
}
