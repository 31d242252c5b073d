import type Database from "better-sqlite3";

/** What one retention pass removed. */
export interface PruneResult {
  reports: number;
  mailbox_events: number;
  alerts: number;
}

/**
 * Builds the retention pass (`retention_days`): deletes the reports and mailbox events whose
 * own time is older than the cutoff, and the alerts whose latest evidence is older and that
 * are no longer open (an open or acknowledged alert keeps its evidence until an analyst
 * closes it). Runs in one transaction. Never throws for a consistent database.
 */
export function createPrune(db: Database.Database): (cutoffSeconds: number) => PruneResult {
  const alerts = db.prepare(
    "SELECT id FROM alerts WHERE last_event_time < ? AND state IN ('resolved', 'false_positive')",
  );
  const unlinkAlert = db.prepare("DELETE FROM alert_events WHERE alert_id = ?");
  const deleteAlert = db.prepare("DELETE FROM alerts WHERE id = ?");
  const kept = "SELECT event_id FROM alert_events";
  const reports = db.prepare(
    `DELETE FROM reports WHERE event_time < ? AND (event_id IS NULL OR event_id NOT IN (${kept}))`,
  );
  const events = db.prepare(
    `DELETE FROM mailbox_events WHERE event_time < ? AND id NOT IN (${kept})
       AND id NOT IN (SELECT event_id FROM reports WHERE event_id IS NOT NULL)`,
  );
  return db.transaction((cutoff: number) => {
    const old = alerts.all(cutoff) as Array<{ id: number }>;
    for (const { id } of old) {
      unlinkAlert.run(id);
      deleteAlert.run(id);
    }
    return {
      alerts: old.length,
      reports: reports.run(cutoff).changes,
      mailbox_events: events.run(cutoff).changes,
    };
  });
}
