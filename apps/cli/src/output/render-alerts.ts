import { type Alert, formatAlertsCsv, formatAlertsTable } from "@spoor/api-client";
import type { RecordOutput } from "./render-records.js";

/**
 * The text printed by `spoor alert list`: CSV (default), an aligned table, or the checked
 * alerts as a JSON array. Never throws.
 */
export function renderAlerts(alerts: readonly Alert[], output: RecordOutput): string {
  if (output === "json") return `${JSON.stringify(alerts, null, 2)}\n`;
  return output === "table" ? formatAlertsTable(alerts) : formatAlertsCsv(alerts);
}
