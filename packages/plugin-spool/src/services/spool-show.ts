import { join } from "node:path";
import { createApiClient, formatEntry, maskSecrets, type ReportRequest } from "@spoor/api-client";
import { apiClientOptions, reporterFor, type SpoorConfig, UserFacingError } from "@spoor/config";
import type { SpoolStore } from "@spoor/spool";
import { type ConfigLocation, openSpool } from "../open-spool.js";
import type { QueueName } from "../queue-name.js";
import { spoolList } from "./spool-list.js";

/** Options of `spoor spool show`. */
export interface SpoolShowOptions extends ConfigLocation {
  name: string;
}

/** One spooled entry and what it is sent as. */
export interface SpoolShowResult {
  queue: QueueName;
  path: string;
  reason?: string;
  /** The file's JSON (for parsed/: as the transmitter reads it, a missing id derived). */
  entry: unknown;
  /** The exact request the transmitter sends (sent, for transmitted/) with the secret masked;
   *  absent when the entry has no wire format or no id. */
  request?: ReportRequest;
}

const SEARCH_ORDER: readonly QueueName[] = ["parsed", "failed", "transmitted", "quarantine"];

/**
 * Finds `name` in parsed/, failed/, transmitted/ or quarantine/ (in that order) and returns
 * its entry with the request it is (or was) sent as: the original's promise to be
 * transparent about the data submitted.
 * @throws UserFacingError when no directory holds `name`; SpoolFileRejectedError for a file
 *   the transmitter would refuse; the configuration's user-facing errors.
 */
export async function spoolShow(options: SpoolShowOptions): Promise<SpoolShowResult> {
  const { config, spool } = await openSpool(options);
  for (const queue of SEARCH_ORDER) {
    const found = (await spoolList({ ...options, queue })).find(
      (file) => file.name === options.name,
    );
    if (found === undefined) continue;
    const path = join(directoryOf(config, queue), found.name);
    const entry = await readEntry(spool, queue, found, path);
    const request = buildRequest(config, entry);
    return {
      queue,
      path,
      ...(found.reason === undefined ? {} : { reason: found.reason }),
      entry,
      ...(request === undefined ? {} : { request }),
    };
  }
  throw new UserFacingError(
    `No spool file named ${options.name} in ${SEARCH_ORDER.map((q) => directoryOf(config, q)).join(", ")}.`,
    "spoor spool list --queue parsed|transmitted|failed|quarantine lists the names",
  );
}

function directoryOf(config: SpoorConfig, queue: QueueName): string {
  const app = config.application;
  if (queue === "parsed") return app.parsed_entries_path;
  if (queue === "transmitted") return app.transmitted_entries_path;
  if (queue === "failed") return app.transmission_failed_entries_path;
  return app.quarantine_path;
}

async function readEntry(
  spool: SpoolStore,
  queue: QueueName,
  found: { name: string; type?: string; unixSeconds?: number },
  path: string,
): Promise<unknown> {
  if (queue !== "parsed") return spool.readArchived(queue, found.name);
  // parsed/ lists entries only, each with the type and time of its name
  return spool.read({
    name: found.name,
    path,
    type: found.type ?? "",
    unixSeconds: found.unixSeconds ?? 0,
  });
}

function buildRequest(config: SpoorConfig, entry: unknown): ReportRequest | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const { id } = entry as { id?: unknown };
  const reporter = reporterFor(config);
  const formatted = formatEntry(entry as Parameters<typeof formatEntry>[0], reporter);
  if (formatted === undefined || typeof id !== "string") return undefined;
  const client = createApiClient(apiClientOptions(config));
  try {
    return maskSecrets(client.buildReportRequest(formatted, { idempotencyKey: id, reporter }));
  } catch (error) {
    if (error instanceof TypeError) return undefined; // an id that cannot be a header value
    throw error;
  } finally {
    client.close();
  }
}
