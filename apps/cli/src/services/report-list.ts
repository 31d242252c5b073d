import { ApiError, type ReportRecord } from "@spoor/api-client";
import { reporterFor } from "@spoor/config";
import { type ConfigLocation, openApiClient } from "../api/open-api-client.js";
import { apiFailure } from "../errors/api-failure.js";

/** Options of `spoor report list`. */
export interface RecordListOptions extends ConfigLocation {
  /** The reporter name the API files the records under (default: `transmission.reporter`,
   *  else this machine's hostname — what the transmitter sends as). */
  host?: string;
}

/**
 * The reports the Spoor API holds for `host`, every record as received.
 * @throws UserFacingError for a refused configuration or a failed call (URL, status,
 *   body excerpt; never the secret).
 */
export async function reportList(options: RecordListOptions): Promise<ReportRecord[]> {
  const { client, config } = await openApiClient(options);
  try {
    return await client.listReports(options.host ?? reporterFor(config));
  } catch (error) {
    throw error instanceof ApiError ? apiFailure(error) : error;
  } finally {
    client.close();
  }
}
