import { normalizeAddress } from "@spoor/correlation";
import type { ValidReport } from "./validate-report.js";

/**
 * The names a report's transaction locks (`ServerStore.transaction`): its Idempotency-Key,
 * and per entry its host (merging, content collapse and every per-mailbox rule, including
 * the domains seen on the host), its IP (`ip-spray`) and its forward recipient
 * (`shared-destination`). Two writers whose reports share a name run one after the other,
 * so each decides over everything the other committed. Sorted, without repeats. Never throws.
 */
export function reportLocks(
  report: ValidReport,
  identifier: string,
  key: string | undefined,
): string[] {
  const names = new Set<string>();
  if (key !== undefined) names.add(`submission:${identifier}\u0000${key}`);
  for (const entry of report.entries) {
    names.add(`host:${entry.host.toLowerCase()}`);
    if (entry.ip !== null) names.add(`ip:${entry.ip}`);
    const recipient = normalizeAddress(entry.forwardRecipient);
    if (recipient !== null) names.add(`recipient:${recipient}`);
  }
  return [...names].sort();
}
