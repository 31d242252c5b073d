import { createApiClient, type MailboxEventRecord } from "@spoor/api-client";
import type { Child } from "./child-processes.js";

const POLL_MS = 200;

/** What to wait for. */
export interface WaitForRecordsOptions {
  url: string;
  credentials: { api_identifier: string; api_secret: string };
  reporter: string;
  /** Mailbox event types the server must hold (a multiset), among events at or after `since`. */
  expected: readonly string[];
  /** Unix seconds: older events (the history posted before) are left out. */
  since: number;
  /** Waiting ends early when it exits. */
  agent: Child;
  deadlineMs: number;
  signal?: AbortSignal;
}

/**
 * Polls the server's mailbox events for `reporter` until those at or after `since` include
 * every expected type. @returns those, oldest first (by event time, then id).
 * @throws Error at the deadline or when the agent exits first (with what the server holds
 *   and the agent's last log lines); ApiError when the server fails; AbortError.
 */
export async function waitForRecords(
  options: WaitForRecordsOptions,
): Promise<MailboxEventRecord[]> {
  const client = createApiClient({ host: options.url, credentials: options.credentials });
  const deadline = Date.now() + options.deadlineMs;
  let agentEnded: number | string | undefined;
  void options.agent.exited.then(
    (how) => {
      agentEnded = how;
    },
    () => undefined,
  );
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const records = (await client.listMailboxEvents(options.reporter)).filter(
        (record) => Number(record.event_time) >= options.since,
      );
      if (holdsAll(records, options.expected)) return [...records].sort(byTimeThenId);
      if (agentEnded !== undefined || Date.now() > deadline) {
        const why =
          agentEnded === undefined
            ? `within ${options.deadlineMs / 1000} s`
            : `: the agent exited (${agentEnded})`;
        const types = records.map((record) => record.type).join(", ") || "nothing";
        throw new Error(
          `the server did not get every expected event ${why} (it holds: ${types}). Agent log:\n${options.agent.stderrTail().join("\n")}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    client.close();
  }
}

function holdsAll(records: readonly MailboxEventRecord[], expected: readonly string[]): boolean {
  const left = records.map((record) => String(record.type));
  return expected.every((type) => {
    const at = left.indexOf(type);
    if (at === -1) return false;
    left.splice(at, 1);
    return true;
  });
}

function byTimeThenId(a: MailboxEventRecord, b: MailboxEventRecord): number {
  return Number(a.event_time) - Number(b.event_time) || Number(a.id) - Number(b.id);
}
