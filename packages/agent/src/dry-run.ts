import { type ApiClient, formatEntry, maskSecrets } from "@spoor/api-client";
import type { SpoorConfig } from "@spoor/config";
import type { SpoolStore } from "@spoor/spool";
import { disabledEventReason, isTransmissionEnabled } from "./transmission-events.js";

/** What {@link printDryRun} needs. */
export interface DryRunOptions {
  config: SpoorConfig;
  spool: SpoolStore;
  client: ApiClient;
  reporter: string;
  out: NodeJS.WritableStream;
}

/**
 * `spoor transmit --dry-run`: prints, oldest first, the exact request each queued entry
 * would be sent as (credentials masked as `Basic ****`), or why it would not be sent.
 * Sends nothing and moves nothing. Returns the number of requests printed. Throws only when
 * parsed/ cannot be listed.
 *
 * ```
 * # login.1537372956.1234567.json
 * POST http://127.0.0.1:8080/api/reports
 * authorization: Basic ****
 * content-type: application/json
 * idempotency-key: 5f0c…
 *
 * {"report":{"entries":[{…}],"metadata":{"reporter":"myhost"}}}
 * ```
 */
export async function printDryRun(options: DryRunOptions): Promise<number> {
  const { spool, out } = options;
  let printed = 0;
  for (const file of await spool.list()) {
    let entry: Awaited<ReturnType<SpoolStore["read"]>>;
    try {
      entry = await spool.read(file);
    } catch (error) {
      out.write(`# ${file.name}: would be quarantined (${describe(error)})\n\n`);
      continue;
    }
    if (!isTransmissionEnabled(entry.event, options.config.transmission.events)) {
      out.write(`# ${file.name}: would move to failed: ${disabledEventReason(entry.event)}\n\n`);
      continue;
    }
    const formatted = formatEntry(entry, options.reporter);
    if (formatted === undefined) {
      out.write(`# ${file.name}: would move to failed: no wire format for "${entry.event}"\n\n`);
      continue;
    }
    const request = maskSecrets(
      options.client.buildReportRequest(formatted, {
        idempotencyKey: entry.id,
        reporter: options.reporter,
      }),
    );
    const headers = Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}\n`)
      .join("");
    out.write(`# ${file.name}\n${request.method} ${request.url}\n${headers}\n${request.body}\n\n`);
    printed += 1;
  }
  return printed;
}

function describe(error: unknown): string {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === "string") return reason;
  return error instanceof Error ? error.name : "unreadable";
}
