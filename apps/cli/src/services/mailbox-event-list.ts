import { hostname } from "node:os";
import { ApiError, type MailboxEventRecord } from "@spoor/api-client";
import { reporterFor } from "@spoor/config";
import { openApiClient } from "../api/open-api-client.js";
import { apiFailure } from "../errors/api-failure.js";
import type { RecordList, RecordListOptions } from "./report-list.js";

/**
 * The mailbox events the Spoor API holds for `host`, every record as received.
 * @throws UserFacingError for a refused configuration or a failed call (URL, status,
 *   body excerpt; never the secret); UsageError for `--api-identifier` without its secret.
 */
export async function mailboxEventList(
  options: RecordListOptions,
): Promise<RecordList<MailboxEventRecord>> {
  const { client, config } = await openApiClient(options);
  const host = options.host ?? (config === undefined ? hostname() : reporterFor(config));
  try {
    return { host, records: await client.listMailboxEvents(host) };
  } catch (error) {
    throw error instanceof ApiError ? apiFailure(error) : error;
  } finally {
    client.close();
  }
}
