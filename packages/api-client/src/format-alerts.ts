import type { Alert } from "./alert.js";
import { ALERT_CSV_COLUMNS, ALERT_TABLE_COLUMNS } from "./alert-columns.js";
import { formatCsv } from "./format-csv.js";
import { formatTable } from "./format-table.js";

/**
 * The CSV of `spoor alert list`: header
 * `id,severity,state,rule,"first event time","last event time",hosts,"mailbox addresses",ips,"forward recipients","event ids",summary`,
 * one row per alert, lists space-separated, times as `YYYY-MM-DD HH:MM:SS +0000`, quoting
 * as the record lists. Never throws.
 */
export function formatAlertsCsv(alerts: readonly Alert[]): string {
  return formatCsv(ALERT_CSV_COLUMNS, alerts);
}

/**
 * An aligned table of alerts: id, severity, state, rule, last event time, mailbox
 * addresses and summary, control and bidi characters escaped. Never throws.
 */
export function formatAlertsTable(alerts: readonly Alert[]): string {
  return formatTable(ALERT_TABLE_COLUMNS, alerts);
}
