import type { Alert } from "./alert.js";
import { ApiError } from "./api-error.js";
import { parseAlert } from "./parse-alert.js";
import { parseListBody } from "./parse-list-body.js";
import type { OutgoingRequest, ReceivedResponse } from "./perform-request.js";

/**
 * The alerts of a `GET /api/alerts` answer, each checked by `parseAlert`.
 * @throws ApiError of kind `invalid-response` for a body `parseListBody` refuses, or for the
 *   first alert with a field that is not what the contract says (named, value not shown).
 */
export function parseAlertsBody(request: OutgoingRequest, response: ReceivedResponse): Alert[] {
  const records = parseListBody(request, response, "alerts");
  return records.map((record, index) => {
    const parsed = parseAlert(record);
    if (parsed.ok) return parsed.alert;
    throw new ApiError(
      `${request.method} ${request.url}: element ${index} of "alerts" has no valid "${parsed.field}" (expected ${parsed.expected})`,
      {
        kind: "invalid-response",
        method: request.method,
        url: request.url,
        status: response.status,
        isRetryable: false,
      },
    );
  });
}
