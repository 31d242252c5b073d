import type { PruneResult } from "../store/prune-old-records.js";
import { changesOf, type Queryable, rowsOf } from "./queryable.js";

/**
 * The retention pass on PostgreSQL (the same rule as SQLite's `createPrune`): alerts no
 * longer open whose latest evidence is older than the cutoff, then the reports and mailbox
 * events older than it that no remaining alert or report points at. Call it inside a
 * transaction. @throws `pg`'s errors
 */
export async function prunePg(q: Queryable, cutoff: number): Promise<PruneResult> {
  const old = await rowsOf<{ id: number }>(
    q,
    "SELECT id FROM alerts WHERE last_event_time < $1 AND state IN ('resolved', 'false_positive')",
    [cutoff],
  );
  const ids = old.map((row) => row.id);
  await changesOf(q, "DELETE FROM alert_events WHERE alert_id = ANY($1)", [ids]);
  await changesOf(q, "DELETE FROM alerts WHERE id = ANY($1)", [ids]);
  const reports = await changesOf(
    q,
    `DELETE FROM reports r WHERE r.event_time < $1 AND (r.event_id IS NULL OR NOT EXISTS
       (SELECT 1 FROM alert_events l WHERE l.event_id = r.event_id))`,
    [cutoff],
  );
  const events = await changesOf(
    q,
    `DELETE FROM mailbox_events e WHERE e.event_time < $1
       AND NOT EXISTS (SELECT 1 FROM alert_events l WHERE l.event_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id)`,
    [cutoff],
  );
  return { alerts: ids.length, reports, mailbox_events: events };
}
