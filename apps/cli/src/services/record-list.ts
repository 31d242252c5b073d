import { hostname } from "node:os";
import {
  ApiError,
  type MailboxEventRecord,
  type RecordKind,
  type ReportRecord,
} from "@spoor/api-client";
import { reporterFor } from "@spoor/config";
import type { ApiAccess } from "../api/api-access.js";
import { openApiClient } from "../api/open-api-client.js";
import { apiFailure } from "../errors/api-failure.js";

/** Options of `spoor report list` and `spoor mailbox-event list`. */
export interface RecordListOptions extends ApiAccess {
  /** The reporter name the API files the records under (default: `transmission.reporter`,
   *  else this machine's hostname — what the transmitter sends as). */
  host?: string;
}

/** What a record list returns: the host asked about and its records as received. */
export interface RecordList {
  host: string;
  records: Array<ReportRecord | MailboxEventRecord>;
}

/**
 * The reports (`kind` `report`) or mailbox events (`mailbox_event`) the Spoor API holds for
 * `host`, every record as received.
 * @throws UserFacingError for a refused configuration or a failed call (URL, status,
 *   body excerpt; never the secret); UsageError for `--api-identifier` without its secret.
 */
export async function recordList(
  kind: RecordKind,
  options: RecordListOptions,
): Promise<RecordList> {
  const { client, config } = await openApiClient(options);
  const host = options.host ?? (config === undefined ? hostname() : reporterFor(config));
  try {
    const records =
      kind === "report" ? await client.listReports(host) : await client.listMailboxEvents(host);
    return { host, records };
  } catch (error) {
    throw error instanceof ApiError ? apiFailure(error) : error;
  } finally {
    client.close();
  }
}
