import type { ServerStats as ReceiverStats, ReportRow } from "@spoor/server";
import { startReceiver } from "@spoor/test-support";

export type { ReceiverStats, ReportRow };

import { CREDENTIALS } from "./spoor-root.js";

/** The real receiver bin running as a child process (see @spoor/test-support). */
export interface ReceiverProcess {
  url: string;
  pid: number;
  stats(): Promise<ReceiverStats>;
  /** Reports of `host` (the receiver lists at most 1000, newest first). */
  reports(host: string): Promise<ReportRow[]>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the receiver (`--db <dbPath>`, accepting the e2e credentials) on a free port.
 * @throws Error when it exits before printing the URL (its stderr attached).
 */
export async function startReceiverProcess(dbPath = ":memory:"): Promise<ReceiverProcess> {
  const receiver = await startReceiver({
    db: dbPath,
    credentials: `${CREDENTIALS.api_identifier}:${CREDENTIALS.api_secret}`,
  });
  return {
    url: receiver.url,
    pid: receiver.pid,
    stats: async () => (await receiver.get("/api/stats")) as ReceiverStats,
    reports: async (host) =>
      (
        (await receiver.get(`/api/reports?reports%5Bhost%5D=${encodeURIComponent(host)}`)) as {
          reports: ReportRow[];
        }
      ).reports,
    stop: () => receiver.stop(),
  };
}
