import { waitFor } from "@spoor/test-support";
import type { MailboxEvent } from "./log-lines.js";
import type { ReceiverProcess, ReceiverStats } from "./receiver-process.js";
import type { SpoorRoot } from "./spoor-root.js";

/** What the receiver holds for a host once delivery settled. */
export interface Delivered {
  /** `type address` of every report, sorted. */
  reports: string[];
  stats: ReceiverStats;
}

/** `type address` of each event, sorted: what the receiver must hold. */
export function expectedReports(events: readonly MailboxEvent[]): string[] {
  return events.map((event) => `${event.event} ${event.address}`).sort();
}

/**
 * Waits until the receiver holds a report for every one of `events` under `host` and the
 * spool's parsed/ directory is empty (nothing left to send), then reads both once more, so
 * a late duplicate would show. The receiver lists at most 1000 reports: keep a test's events
 * below that.
 * @throws Error naming how many are still missing when `timeoutMs` passes.
 */
export async function settleDelivery(
  receiver: ReceiverProcess,
  host: string,
  events: readonly MailboxEvent[],
  root: SpoorRoot,
  timeoutMs = 60_000,
): Promise<Delivered> {
  const wanted = new Set(events.map((event) => event.address));
  let missing = wanted.size;
  let queued = -1;
  let settled = { transmitted: -1, failed: -1 };
  let stats = "";
  await waitFor(
    `${wanted.size} reports for ${host} and an empty spool`,
    async () => {
      const held = new Set((await receiver.reports(host)).map((row) => row.mailbox_address));
      missing = [...wanted].filter((address) => !held.has(address)).length;
      queued = (await root.queued()).length;
      if (missing > 0 && queued === 0) {
        settled = await root.settled();
        stats = JSON.stringify(await receiver.stats());
      }
      return missing === 0 && queued === 0;
    },
    {
      timeoutMs,
      intervalMs: 100,
      describe: () =>
        `${missing} missing, ${queued} queued, ${settled.transmitted} in transmitted/, ${settled.failed} in failed/, receiver stats ${stats}`,
    },
  );
  const rows = await receiver.reports(host);
  return {
    reports: rows.map((row) => `${row.type} ${row.mailbox_address}`).sort(),
    stats: await receiver.stats(),
  };
}
