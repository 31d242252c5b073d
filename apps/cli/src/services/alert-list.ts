import { type Alert, type AlertQuery, ApiError } from "@spoor/api-client";
import { UserFacingError } from "@spoor/config";
import type { ApiAccess } from "../api/api-access.js";
import { openApiClient } from "../api/open-api-client.js";
import { apiFailure } from "../errors/api-failure.js";

/** Options of `spoor alert list`: where to ask, with which credential, and the filters. */
export interface AlertListOptions extends ApiAccess, AlertQuery {}

const ANALYST_FIX =
  "create one on the server (spoor server credentials add NAME --role analyst) and put it in transmission.analyst_credentials of spoor.yml, or pass --api-identifier NAME with the secret in SPOOR_API_SECRET";

/**
 * The alerts of a spoor server matching the filters, newest first, each checked by the API
 * client. Reads with the analyst credential (see `openApiClient`).
 * @throws UserFacingError for a refused configuration or a failed call; for a 401 or 403 the
 *   fix says how to get and give an analyst credential. UsageError for `--api-identifier`
 *   without its secret.
 */
export async function alertList(options: AlertListOptions): Promise<Alert[]> {
  const { client, credentialSource } = await openApiClient(options, "analyst");
  try {
    return await client.listAlerts(query(options));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401 || error.status === 403) {
      const excerpt = error.bodyExcerpt ? ` (response: ${error.bodyExcerpt})` : "";
      const problem = `${error.message}${excerpt} (credential from ${credentialSource})`;
      throw new UserFacingError(problem, ANALYST_FIX, { cause: error });
    }
    throw apiFailure(error);
  } finally {
    client.close();
  }
}

function query(options: AlertListOptions): AlertQuery {
  const { minSeverity, state, host, mailbox, limit, beforeId } = options;
  return Object.fromEntries(
    Object.entries({ minSeverity, state, host, mailbox, limit, beforeId }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as AlertQuery;
}
